import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUrl, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ASSESSMENTS, type Assessment } from '../../../libs/domain/reporting/assessment';
import { ROUND_STATUSES, STATUS_REPORT_STATES, type RoundStatus, type StatusReportState } from '../../../libs/domain/reporting/round';
import { OccurrenceResponse } from '../occurrences/occurrences.dto';
import { SCHEDULE_KINDS } from '../../../libs/domain/schedule/types';

const ASSESSMENT_DESCRIPTION = 'completed: Genomförd · on-track: Enligt plan · at-risk: Risk för avvikelse · deviation: Avvikelse · not-started: Ej påbörjad';

export class SubmitStatusReportRequest {
  @ApiProperty({ enum: ASSESSMENTS, description: ASSESSMENT_DESCRIPTION }) @IsIn(ASSESSMENTS) assessment!: Assessment;
  @ApiProperty({ example: 'Två informationsmöten hölls, i mars och i oktober.' }) @IsString() @MinLength(1) @MaxLength(4000) comment!: string;
  @ApiPropertyOptional({ type: [String], example: ['https://kommun.se/protokoll/12'], description: 'Evidence: at most 10 links' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { each: true })
  @MaxLength(2000, { each: true })
  links?: string[];
}

export class ReturnStatusReportRequest {
  @ApiProperty({ example: 'Beskriv vad som återstår inför våren.' }) @IsString() @MinLength(1) @MaxLength(2000) note!: string;
}

export class AreaSummaryInput {
  @ApiProperty({ description: "The area's title ('' for actions without an area)" }) @IsString() @MaxLength(300) area!: string;
  @ApiProperty({ description: 'Empty text removes the summary' }) @IsString() @MaxLength(8000) text!: string;
}

export class RoundSummariesRequest {
  @ApiPropertyOptional({ description: "The coordinator's overall summary; empty text removes it" }) @IsOptional() @IsString() @MaxLength(8000) overall?: string;
  @ApiPropertyOptional({ type: [AreaSummaryInput] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => AreaSummaryInput) areas?: AreaSummaryInput[];
}

export class BoardDecisionRequest {
  @ApiProperty({ example: 'KS', description: 'The body that handled the report' }) @IsString() @MinLength(1) @MaxLength(100) body!: string;
  @ApiProperty({ example: '2026-09-15', format: 'date' }) @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' }) date!: string;
  @ApiProperty({ example: '§ 123' }) @IsString() @MinLength(1) @MaxLength(50) paragraph!: string;
}

export class ProgressCountResponse {
  @ApiProperty() total!: number;
  @ApiProperty() submitted!: number;
  @ApiProperty() missing!: number;
  @ApiProperty() returned!: number;
  @ApiProperty() notReported!: number;
}

export class AreaProgressResponse extends ProgressCountResponse {
  @ApiProperty() area!: string;
}

export class UnitProgressResponse extends ProgressCountResponse {
  @ApiProperty() unit!: string;
}

export class RoundProgressResponse {
  @ApiProperty({ type: ProgressCountResponse }) overall!: ProgressCountResponse;
  @ApiProperty({ type: [AreaProgressResponse] }) byArea!: AreaProgressResponse[];
  @ApiProperty({ type: [UnitProgressResponse] }) byUnit!: UnitProgressResponse[];
}

export class ReturnedResponse {
  @ApiProperty() note!: string;
  @ApiProperty({ nullable: true, type: String }) by!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class StatusReportResponse {
  @ApiProperty() occurrenceId!: string;
  @ApiProperty() actionId!: string;
  @ApiProperty() actionTitle!: string;
  @ApiProperty({ enum: SCHEDULE_KINDS }) actionKind!: string;
  @ApiProperty() area!: string;
  @ApiProperty({ description: 'The responsible unit' }) unit!: string;
  @ApiProperty({ type: [String] }) owners!: string[];
  @ApiProperty({ enum: STATUS_REPORT_STATES }) state!: StatusReportState;
  @ApiProperty({ format: 'date-time' }) due!: string;
  @ApiProperty({ enum: ASSESSMENTS, nullable: true, description: ASSESSMENT_DESCRIPTION }) assessment!: Assessment | null;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty({ type: [String] }) links!: string[];
  @ApiProperty({ nullable: true, type: String }) submittedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The owner a substitute submitted it for' }) submittedOnBehalfOf!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt!: string | null;
  @ApiProperty({ type: ReturnedResponse, nullable: true }) returned!: ReturnedResponse | null;
}

/** The owner's view: the report, its round, and the action's occurrences of the period beside it. */
export class StatusReportDetailResponse extends StatusReportResponse {
  @ApiProperty() planId!: string;
  @ApiProperty() periodKey!: string;
  @ApiProperty({ example: 'juli–december 2026', description: 'In Swedish, the board’s language; a client in another language words the period from its dates and timezone' }) periodLabel!: string;
  @ApiProperty({ format: 'date-time' }) periodStartsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive' }) periodEndsAt!: string;
  @ApiProperty({ example: 'Europe/Stockholm', description: 'The plan’s' }) timezone!: string;
  @ApiProperty({ enum: ROUND_STATUSES }) roundStatus!: RoundStatus;
  @ApiProperty({ type: [OccurrenceResponse], description: "The action's tasks due in the period" }) occurrences!: OccurrenceResponse[];
}

export class AreaSummaryResponse {
  @ApiProperty() area!: string;
  @ApiProperty() text!: string;
}

export class ApprovalResponse {
  @ApiProperty({ nullable: true, type: String }) by!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class BoardDecisionResponse {
  @ApiProperty({ example: 'KS' }) body!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ example: '§ 123' }) paragraph!: string;
  @ApiProperty({ nullable: true, type: String }) recordedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class RoundResponse {
  @ApiProperty() planId!: string;
  @ApiProperty({ example: '2026H2' }) periodKey!: string;
  @ApiProperty({ example: 'juli–december 2026', description: 'In Swedish, the board’s language; a client in another language words the period from its dates and timezone' }) periodLabel!: string;
  @ApiProperty({ format: 'date-time' }) periodStartsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive' }) periodEndsAt!: string;
  @ApiProperty({ example: 'Europe/Stockholm', description: 'The plan’s' }) timezone!: string;
  @ApiProperty({ enum: ROUND_STATUSES, description: 'open: reports coming in; approved: frozen by approval; frozen: froze by itself at freezesAt' }) status!: RoundStatus;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the status reports are due' }) deadline!: string;
  @ApiProperty({ format: 'date-time', description: 'When an unapproved round freezes by itself' }) freezesAt!: string;
  @ApiProperty({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty({ type: [AreaSummaryResponse] }) areaSummaries!: AreaSummaryResponse[];
  @ApiProperty({ type: ApprovalResponse, nullable: true }) approved!: ApprovalResponse | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) frozenAt!: string | null;
  @ApiProperty({ type: BoardDecisionResponse, nullable: true }) boardDecision!: BoardDecisionResponse | null;
  @ApiProperty({ type: RoundProgressResponse }) progress!: RoundProgressResponse;
}

export class RoundDetailResponse extends RoundResponse {
  @ApiProperty({ type: [StatusReportResponse] }) statusReports!: StatusReportResponse[];
}
