import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NoticePolicyResponse, OPEN_OBJECT, ScheduleSpecResponse } from '../common/shared.dto';
import { UNRESOLVED_STATUSES } from '../../../libs/domain/occurrence/status';
import { MAX_QUOTA_TARGET } from '../../../libs/domain/schedule/parse-schedule';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsISO8601,
  Matches,
  Max,
  Min,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IMPORT_LIMITS } from '../../../libs/domain/import/limits';
import { JsonFormField } from '../common/json-form-field';
import { ACTION_GLANCE_STATES } from '../../../libs/domain/action/glance';
import { ASSESSMENTS, type Assessment } from '../../../libs/domain/reporting/assessment';
import { ACTION_STATUSES } from '../../../libs/domain/action/lifecycle';
import { FOLLOW_UP_DESCRIPTION, FOLLOW_UP_STATES, FollowUpState } from '../engine/follow-up-state';

/** One of `{text, when?}` (the schedule language), `{rrule, start}`, or `{due: [ISO instants], target?}`. */
export class ScheduleRequest {
  @ApiPropertyOptional({ example: 'Informationsmöten två gånger per år' }) @IsOptional() @IsString() @MaxLength(2000) text?: string;
  @ApiPropertyOptional({ example: 'Q1 2020' }) @IsOptional() @IsString() @MaxLength(200) when?: string;
  @ApiPropertyOptional({ example: 'FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1' }) @IsOptional() @IsString() @MaxLength(500) rrule?: string;
  @ApiPropertyOptional({ example: '2026-01-01' }) @IsOptional() @IsString() @MaxLength(100) start?: string;
  @ApiPropertyOptional({ type: [String], example: ['2026-12-01T12:00:00Z'] })
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @IsISO8601({ strict: true }, { each: true }) due?: string[];
  @ApiPropertyOptional({ example: 6, minimum: 1, maximum: MAX_QUOTA_TARGET, description: 'With due: a quota — this many times logged between one instant and the next (the first period from when follow-up begins)' })
  @IsOptional() @IsInt() @Min(1) @Max(MAX_QUOTA_TARGET) target?: number;
}

export class PolicyRequest {
  @ApiPropertyOptional({ type: [String], example: ['P14D', 'P1D'] }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(50, { each: true }) remindBefore?: string[];
  @ApiPropertyOptional({ type: [String], example: ['P7D', 'P14D'] }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(50, { each: true }) escalateAfter?: string[];
  @ApiPropertyOptional({ example: 'P7D' }) @IsOptional() @IsString() @MaxLength(50) repeatEvery?: string;
  @ApiPropertyOptional({ enum: ['exact', 'working-days'] }) @IsOptional() @IsIn(['exact', 'working-days']) timing?: 'exact' | 'working-days';
  @ApiPropertyOptional({ example: '08:00', description: 'With working-days timing: the local time notices go out (HH:mm); 08:00 when absent' })
  @IsOptional() @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'noticeTime is HH:mm, 00:00–23:59' }) noticeTime?: string;
}

export class CreatePlanRequest {
  @ApiProperty({ example: 'Ett bättre näringslivsklimat i Övertorneå kommun' }) @IsString() @MinLength(1) @MaxLength(300) title!: string;
  @ApiProperty({ example: '2020-01-01' }) @IsDateString({ strict: true }) startDate!: string;
  @ApiPropertyOptional({ example: 'Europe/Stockholm' }) @IsOptional() @IsString() @MaxLength(100) timezone?: string;
  @ApiPropertyOptional({ enum: ['half-yearly', 'quarterly'] }) @IsOptional() @IsIn(['half-yearly', 'quarterly']) reportingCadence?: 'half-yearly' | 'quarterly';
  @ApiPropertyOptional({ type: () => PolicyRequest, description: "The plan's default notice policy; actions may override it" })
  @IsOptional() @ValidateNested() @Type(() => PolicyRequest) policy?: PolicyRequest;
}

export class CreateActionRequest {
  @ApiProperty({ example: 'Informationsmöten till företagen om kommande upphandlingar' }) @IsString() @MinLength(1) @MaxLength(2000) title!: string;
  @ApiPropertyOptional({ example: 'Inköp och upphandling' }) @IsOptional() @IsString() @MaxLength(300) area?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @ArrayUnique() @IsUUID('all', { each: true }) ownerUnitIds?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @ArrayUnique() @IsUUID('all', { each: true }) ownerPersonIds?: string[];
  @ApiPropertyOptional({ type: ScheduleRequest, description: 'Required, unless the action is saved as a draft' })
  @IsOptional() @ValidateNested() @Type(() => ScheduleRequest) schedule?: ScheduleRequest;
  @ApiPropertyOptional({ type: PolicyRequest }) @IsOptional() @ValidateNested() @Type(() => PolicyRequest) policy?: PolicyRequest;
  @ApiPropertyOptional({ description: 'Save it even when its schedule cannot be read (or is not given yet): a draft, not followed up, on the balance list until its schedule is given' })
  @IsOptional() @IsBoolean() draft?: boolean;
}

export class UpdateActionRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(2000) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) area?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @ArrayUnique() @IsUUID('all', { each: true }) ownerUnitIds?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @ArrayUnique() @IsUUID('all', { each: true }) ownerPersonIds?: string[];
  @ApiPropertyOptional({ type: ScheduleRequest }) @IsOptional() @ValidateNested() @Type(() => ScheduleRequest) schedule?: ScheduleRequest;
  @ApiPropertyOptional({ type: PolicyRequest }) @IsOptional() @ValidateNested() @Type(() => PolicyRequest) policy?: PolicyRequest;
}

/** The coordinator's correction of one imported row, by area and position within it. */
export class ImportCorrection {
  @ApiProperty({ description: 'Position of the area in the preview (0-based)' }) @Type(() => Number) @IsInt() @Min(0) @Max(IMPORT_LIMITS.actions) area!: number;
  @ApiProperty({ description: 'Position of the action within its area (0-based)' }) @Type(() => Number) @IsInt() @Min(0) @Max(IMPORT_LIMITS.actions) row!: number;
  @ApiPropertyOptional({ description: 'Schedule text, e.g. "två gånger per år"' }) @IsOptional() @IsString() @MaxLength(2000) text?: string;
  @ApiPropertyOptional({ example: 'Q1 2020' }) @IsOptional() @IsString() @MaxLength(200) when?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) ownerUnitIds?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) ownerPersonIds?: string[];
}

export class ImportTextRequest {
  @ApiPropertyOptional({ description: 'The plan as text (CSV, Markdown or tab-separated); or upload a file in the field `file`' })
  @IsOptional() @IsString() @MaxLength(IMPORT_LIMITS.textCharacters) text?: string;
  @ApiPropertyOptional({ example: 'plan.csv' }) @IsOptional() @IsString() @MaxLength(300) filename?: string;
  @ApiPropertyOptional({ type: [ImportCorrection], description: 'Corrections to rows of the preview; with a file upload, a JSON string in the field `corrections`' })
  @IsOptional()
  @JsonFormField(ImportCorrection, 'corrections')
  @IsArray()
  @ArrayMaxSize(IMPORT_LIMITS.actions)
  @ValidateNested({ each: true })
  @Type(() => ImportCorrection)
  corrections?: ImportCorrection[];
}

export class PauseActionRequest {
  @ApiProperty({ example: 'Vilande i väntan på ny budget' }) @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

export class ResumeActionRequest {
  @ApiPropertyOptional({ example: 'Budgeten är beslutad' }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

class SourcePlaceResponse {
  @ApiProperty({ nullable: true, type: String, example: '§ 3' }) ref!: string | null;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: String }) heading!: string | null;
}

export class ActionSourceResponse {
  @ApiProperty() meetingId!: string;
  @ApiProperty() meetingTitle!: string;
  @ApiProperty({ nullable: true, type: String }) meetingDate!: string | null;
  @ApiProperty({ type: SourcePlaceResponse }) place!: SourcePlaceResponse;
  @ApiProperty({ description: 'The sentence of the minutes' }) sentence!: string;
}

export class ActionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() planId!: string;
  @ApiProperty({ nullable: true, type: String }) area!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) when!: string | null;
  @ApiProperty({
    enum: ACTION_STATUSES,
    description: 'draft: no readable schedule, not followed; starting: saved, its workflow not started yet; active: followed; paused: no new occurrence opens until resumed (those already open keep their notices); withdrawn',
  })
  status!: string;
  @ApiProperty({ type: ScheduleSpecResponse, description: 'The schedule as Bevaka understood it' }) schedule!: ScheduleSpecResponse;
  @ApiProperty({ ...OPEN_OBJECT, description: 'The schedule as given: {text, when} or {rrule, start} or {due}' }) scheduleInput!: object;
  @ApiProperty({ nullable: true, description: 'The effective notice policy', type: NoticePolicyResponse }) policy!: NoticePolicyResponse | null;
  @ApiProperty({ type: [String] }) ownerUnitIds!: string[];
  @ApiProperty({ type: [String] }) ownerPersonIds!: string[];
  @ApiProperty({ type: [String], description: 'The next due dates (YYYY-MM-DD)' }) nextDue!: string[];
  @ApiProperty({ nullable: true, type: ActionSourceResponse, description: 'The meeting and paragraph it was read from, for an action out of minutes' }) source!: ActionSourceResponse | null;
  @ApiProperty({ enum: FOLLOW_UP_STATES, description: FOLLOW_UP_DESCRIPTION }) followUp!: FollowUpState;
}

export class PlanResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() startDate!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty() reportingCadence!: string;
  @ApiProperty({ nullable: true, type: NoticePolicyResponse, description: 'The default notice policy of its actions' }) policy!: NoticePolicyResponse | null;
  @ApiProperty({ nullable: true, type: String, description: 'When the plan was archived: nothing of it is followed up, nothing in it changes, until it is restored' })
  archivedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) archiveReason!: string | null;
  @ApiProperty({ enum: FOLLOW_UP_STATES, description: `Of the plan's reporting workflow. ${FOLLOW_UP_DESCRIPTION}` }) followUp!: FollowUpState;
}

export class ReportPeriodResponse {
  @ApiProperty({ example: '2026H2' }) key!: string;
  @ApiProperty({ description: 'First instant of the period (UTC)' }) startsAt!: string;
  @ApiProperty({ description: 'First instant after the period (UTC), when its report is frozen' }) endsAt!: string;
}

export class FrozenReportResponse extends ReportPeriodResponse {
  @ApiProperty() frozenAt!: string;
}

export class PlanReportsResponse {
  @ApiProperty({ type: ReportPeriodResponse, description: 'The period being followed now' }) current!: ReportPeriodResponse;
  @ApiProperty({ type: [FrozenReportResponse], description: 'Frozen board reports, newest first' }) frozen!: FrozenReportResponse[];
}

export class OpenQuotaSummary {
  @ApiProperty({ example: 6 }) target!: number;
  @ApiProperty({ example: 4 }) count!: number;
  @ApiProperty({ format: 'date-time' }) periodStartsAt!: string;
}

export class OpenOccurrenceSummary {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Due instant (UTC)' }) due!: string;
  @ApiProperty({ enum: UNRESOLVED_STATUSES }) status!: string;
  @ApiProperty({ type: OpenQuotaSummary, nullable: true, description: "A quota's period: its target, the times logged so far and its first instant" }) quota!: OpenQuotaSummary | null;
}

export class LatestAssessmentResponse {
  @ApiProperty({ enum: ASSESSMENTS, description: 'completed: Genomförd · on-track: Enligt plan · at-risk: Risk för avvikelse · deviation: Avvikelse · not-started: Ej påbörjad' })
  assessment!: Assessment;
  @ApiProperty({ example: '2026H2' }) periodKey!: string;
  @ApiProperty({ example: 'juli–december 2026', description: 'In Swedish, the board’s language; a client in another language words the period from its dates and timezone' }) periodLabel!: string;
  @ApiProperty({ format: 'date-time' }) periodStartsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive' }) periodEndsAt!: string;
}

export class PlanActionResponse extends ActionResponse {
  @ApiProperty({ type: [OpenOccurrenceSummary], description: 'Its occurrences not yet resolved, by due date' }) openOccurrences!: OpenOccurrenceSummary[];
  @ApiProperty({ description: 'How many of its occurrences were completed' }) completedCount!: number;
  @ApiProperty({ enum: ACTION_GLANCE_STATES, description: 'Its state at a glance: the worst of its unresolved occurrences (escalated, overdue, a quota behind pace, due within 14 days), else done, continuous, nothing scheduled or on track' })
  state!: string;
  @ApiProperty({ type: LatestAssessmentResponse, nullable: true, description: "Its owners' assessment in the latest reporting round where its status report stands submitted; null before any" })
  latestAssessment!: LatestAssessmentResponse | null;
}

export class PlanAreaResponse {
  @ApiProperty({ nullable: true, type: String, description: 'null for the actions without an area' }) id!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [PlanActionResponse] }) actions!: PlanActionResponse[];
}

export class PlanDetailResponse extends PlanResponse {
  @ApiProperty({ description: 'Areas in the plan\'s order with their actions, each with its unresolved occurrences; actions without an area last (id null)', type: [PlanAreaResponse] })
  areas!: PlanAreaResponse[];
}
