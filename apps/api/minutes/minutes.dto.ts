import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { IMPORT_LIMITS } from '../../../libs/domain/import/limits';
import { OPEN_QUESTION_STATUSES, type OpenQuestionStatus } from '../../../libs/domain/minutes/open-question';
import { TITLE_CHARACTERS } from '../../../libs/domain/minutes/preview';
import type { FindingKind } from '../../../libs/domain/minutes/types';
import { FOLLOW_UP_DESCRIPTION, FOLLOW_UP_STATES, FollowUpState } from '../engine/follow-up-state';
import { JsonFormField } from '../common/json-form-field';
import { ScheduleRequest } from '../plans/plans.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FINDING_KINDS: FindingKind[] = ['assignment', 'decision', 'openQuestion'];
/** Far more findings than any minutes hold; the index of a choice is below it. */
const MAX_FINDINGS = IMPORT_LIMITS.actions;

export class MinutesChoiceRequest {
  @ApiProperty({ description: 'The finding of the preview (its `index`)' }) @Type(() => Number) @IsInt() @Min(0) @Max(MAX_FINDINGS) index!: number;
  @ApiPropertyOptional({ description: 'Leave the finding out: nothing is created for it' }) @IsOptional() @IsBoolean() drop?: boolean;
  @ApiPropertyOptional({ description: "The action's title (or the open question's text)" }) @IsOptional() @IsString() @MinLength(1) @MaxLength(TITLE_CHARACTERS) title?: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2026-03-15', description: 'Due date of a once-only action; null: followed up continuously' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(DATE, { message: 'due must be a date YYYY-MM-DD' }) due?: string | null;
  @ApiPropertyOptional({ type: [String], description: 'Owners instead of the matched ones' }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) ownerUnitIds?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) ownerPersonIds?: string[];
}

export class MinutesRequest {
  @ApiPropertyOptional({ description: 'The minutes as text (or Markdown); or upload .txt, .md or .docx in the field `file`' })
  @IsOptional() @IsString() @MaxLength(IMPORT_LIMITS.textCharacters) text?: string;
  @ApiPropertyOptional({ example: 'protokoll.docx' }) @IsOptional() @IsString() @MaxLength(300) filename?: string;
  @ApiPropertyOptional({ description: 'The meeting\'s name, and of the area its actions are created in; default "Möte <date>"' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(300) title?: string;
  @ApiPropertyOptional({ example: '2026-03-12', description: 'When the minutes do not say it' }) @IsOptional() @Matches(DATE, { message: 'meetingDate must be a date YYYY-MM-DD' }) meetingDate?: string;
  @ApiPropertyOptional({ example: '2026-04-09', description: 'Resolves "till nästa möte" when the minutes do not name the date' })
  @IsOptional() @Matches(DATE, { message: 'nextMeetingDate must be a date YYYY-MM-DD' }) nextMeetingDate?: string;
  @ApiPropertyOptional({ type: [MinutesChoiceRequest], description: 'Changes to findings of the preview; the rest are accepted as proposed. With a file upload, a JSON string in the field `choices`' })
  @IsOptional()
  @JsonFormField(MinutesChoiceRequest, 'choices')
  @IsArray()
  @ArrayMaxSize(MAX_FINDINGS)
  @ValidateNested({ each: true })
  @Type(() => MinutesChoiceRequest)
  choices?: MinutesChoiceRequest[];
}

export class PlaceResponse {
  @ApiProperty({ nullable: true, type: String, example: '§ 3', description: 'The paragraph or numbered agenda item' }) ref!: string | null;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Balanslista' }) heading!: string | null;
}

class BecauseResponse {
  @ApiProperty({ example: 'assignment.verb' }) rule!: string;
  @ApiProperty({ example: 'följer upp', description: 'The words of the sentence that made it a finding' }) words!: string;
}

class DeadlineResponse {
  @ApiPropertyOptional({ example: '2026-04-09' }) date?: string;
  @ApiProperty({ example: 'till nästa möte' }) words!: string;
  @ApiProperty() rule!: string;
}

class MinutesOwnerMappingResponse {
  @ApiProperty({ type: [String] }) unitIds!: string[];
  @ApiProperty({ type: [String] }) personIds!: string[];
  @ApiProperty({ type: [String], description: 'The owner as written, matched to no unit or active person' }) unmatched!: string[];
}

class ProposalResponse {
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Due date of the once-only action; null: continuous' }) due!: string | null;
}

class FindingResponse {
  @ApiProperty() index!: number;
  @ApiProperty({ enum: FINDING_KINDS, description: 'assignment: someone is to do something; decision: decided, with no owner; openQuestion: for the balance list' }) kind!: FindingKind;
  @ApiProperty() sentence!: string;
  @ApiProperty({ type: PlaceResponse }) place!: PlaceResponse;
  @ApiPropertyOptional({ description: 'Person or unit as written' }) owner?: string;
  @ApiProperty({ type: MinutesOwnerMappingResponse }) ownerMapping!: MinutesOwnerMappingResponse;
  @ApiPropertyOptional({ type: DeadlineResponse }) deadline?: DeadlineResponse;
  @ApiProperty({ type: BecauseResponse }) because!: BecauseResponse;
  @ApiProperty({ type: [String] }) warnings!: string[];
  @ApiProperty({ type: ProposalResponse }) proposal!: ProposalResponse;
}

class MeetingFactsResponse {
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) date!: string | null;
  @ApiProperty({ nullable: true, type: String }) nextMeetingDate!: string | null;
}

class CreatedActionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() index!: number;
}

class CreatedQuestionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() question!: string;
  @ApiProperty() index!: number;
}

export class MinutesResponse {
  @ApiProperty({ type: MeetingFactsResponse }) meeting!: MeetingFactsResponse;
  @ApiProperty({ type: [String] }) attendees!: string[];
  @ApiProperty({ type: [FindingResponse] }) findings!: FindingResponse[];
  @ApiProperty({ type: [String] }) warnings!: string[];
  @ApiPropertyOptional({ description: 'After the commit: the meeting created' }) meetingId?: string;
  @ApiPropertyOptional({ type: [CreatedActionResponse], description: 'After the commit' }) actions?: CreatedActionResponse[];
  @ApiPropertyOptional({ type: [CreatedQuestionResponse], description: 'After the commit: open questions put on the balance list' }) questions?: CreatedQuestionResponse[];
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATES, description: `After the commit. ${FOLLOW_UP_DESCRIPTION}` }) followUp?: FollowUpState;
}

export class MeetingResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) heldOn!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ description: 'Actions created from its minutes' }) actions!: number;
  @ApiProperty({ description: 'Its questions still open' }) openQuestions!: number;
}

class MeetingRefResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) date!: string | null;
}

class PersonRefResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class OpenQuestionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() planId!: string;
  @ApiProperty() question!: string;
  @ApiProperty({ description: 'The sentence of the minutes it was read from' }) sentence!: string;
  @ApiProperty({ type: PlaceResponse }) place!: PlaceResponse;
  @ApiProperty({ nullable: true, type: String }) due!: string | null;
  @ApiProperty({ enum: OPEN_QUESTION_STATUSES, description: 'open: on the balance list; assigned: it became the action `actionId`; closed: with a reason' }) status!: OpenQuestionStatus;
  @ApiProperty({ type: MeetingRefResponse }) meeting!: MeetingRefResponse;
  @ApiProperty({ nullable: true, type: String }) actionId!: string | null;
  @ApiProperty({ nullable: true, type: String }) closedReason!: string | null;
  @ApiProperty({ nullable: true, type: PersonRefResponse }) resolvedBy!: PersonRefResponse | null;
  @ApiProperty({ nullable: true, type: String }) resolvedAt!: string | null;
  @ApiProperty() createdAt!: string;
}

export class OpenQuestionsQuery {
  @ApiPropertyOptional({ enum: OPEN_QUESTION_STATUSES, description: 'Default: all' }) @IsOptional() @IsIn(OPEN_QUESTION_STATUSES) status?: OpenQuestionStatus;
}

export class AssignQuestionRequest {
  @ApiPropertyOptional({ description: "The action's title; default the question" }) @IsOptional() @IsString() @MinLength(1) @MaxLength(TITLE_CHARACTERS) title?: string;
  @ApiPropertyOptional({ type: ScheduleRequest, description: "Default: once at the question's date, else continuous" }) @IsOptional() @ValidateNested() @Type(() => ScheduleRequest) schedule?: ScheduleRequest;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) ownerUnitIds?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) ownerPersonIds?: string[];
}

export class CloseQuestionRequest {
  @ApiProperty({ example: 'Besvarad i KS 2026-04-14 § 52' }) @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}
