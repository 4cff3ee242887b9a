import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCHEDULE_KINDS, type ScheduleKind } from '../../../libs/domain/schedule/types';

/**
 * Small answer shapes that several resources share, so that the OpenAPI document (and the web
 * app's types generated from it) describe them field by field instead of as "an object".
 */
export class NoticePolicyResponse {
  @ApiProperty({ type: [String], example: ['P14D', 'P1D'], description: 'Reminders to the owner, this long before the due instant' }) remindBefore!: string[];
  @ApiProperty({ type: [String], example: ['P7D', 'P14D'], description: 'Escalation steps after the due instant; step i goes i+1 levels up' }) escalateAfter!: string[];
  @ApiPropertyOptional({ example: 'P7D', description: 'After the last step, notices repeat this often until resolved' }) repeatEvery?: string;
  @ApiProperty({ enum: ['exact', 'working-days'] }) timing!: 'exact' | 'working-days';
  @ApiPropertyOptional({ enum: ['SE', 'DK', 'NO'] }) calendar?: 'SE' | 'DK' | 'NO';
  @ApiPropertyOptional({ example: '08:00', description: 'With working-days timing: the local time notices go out' }) noticeTime?: string;
}

export class WarningResponse {
  @ApiProperty({ example: 'AMBIGUOUS_COUNT' }) code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: 'The row of the document it concerns' }) row?: number;
}

/** Free-form data whose fields depend on its kind (documented where it is used). */
export const OPEN_OBJECT = { type: 'object', additionalProperties: true } as const;

/** One line of the append-only audit log, as plans and actions show their changes. */
export class AuditEntryResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ nullable: true, type: String }) actorPersonId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName!: string | null;
  @ApiProperty({ example: 'action' }) entity!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ example: 'paused' }) action!: string;
  @ApiProperty({ ...OPEN_OBJECT, nullable: true, description: 'The entity before the change, as far as the change concerns it' }) before!: Record<string, unknown> | null;
  @ApiProperty({ ...OPEN_OBJECT, nullable: true, description: 'The entity after the change, with the reason given (reason)' }) after!: Record<string, unknown> | null;
}

/** A schedule rule (libs/domain/schedule ScheduleRule): its type says which other fields it has. */
export class ScheduleRuleResponse {
  @ApiProperty({ enum: ['perYear', 'everyYears', 'weekly', 'yearlyIn', 'rrule', 'once', 'instants', 'quota'] }) type!: 'perYear' | 'everyYears' | 'weekly' | 'yearlyIn' | 'rrule' | 'once' | 'instants' | 'quota';
  @ApiPropertyOptional({ description: 'perYear: equal periods a year (1, 2, 3, 4, 6, 12)' }) perYear?: number;
  @ApiPropertyOptional({ description: 'everyYears: every n years' }) everyYears?: number;
  @ApiPropertyOptional({ description: 'yearlyIn: once a year, due the last day of this month (1–12)' }) month?: number;
  @ApiPropertyOptional({ enum: ['spring', 'summer', 'autumn'], description: 'yearlyIn: once a year, due the last day of this season (spring Jan–Jun, summer Jun–Aug, autumn Jul–Dec)' }) season?: 'spring' | 'summer' | 'autumn';
  @ApiPropertyOptional({ description: 'Its RFC 5545 form (recurring rules)' }) rrule?: string;
  @ApiPropertyOptional({ description: 'once: the due date (YYYY-MM-DD)' }) due?: string;
  @ApiPropertyOptional({ type: [String], description: 'instants: the due instants (UTC)' }) instants?: string[];
  @ApiPropertyOptional({ description: 'quota: how many times per period ("minst sex gånger per år" → 6)' }) target?: number;
  @ApiPropertyOptional({ enum: ['year', 'half-year', 'quarter'], description: 'quota: the calendar period the target is counted in' }) per?: 'year' | 'half-year' | 'quarter';
}

/** A schedule as Bevaka understood it (libs/domain/schedule ScheduleSpec). */
export class ScheduleSpecResponse {
  @ApiProperty({ enum: SCHEDULE_KINDS, description: 'quota: a target per period, logged as it happens' }) kind!: ScheduleKind;
  @ApiProperty({ type: ScheduleRuleResponse, nullable: true }) rule!: ScheduleRuleResponse | null;
  @ApiPropertyOptional({ description: 'First day of the schedule (YYYY-MM-DD)' }) start?: string;
  @ApiPropertyOptional({ description: 'Due date of a once schedule (YYYY-MM-DD)' }) due?: string;
  @ApiProperty({ type: [WarningResponse] }) warnings!: WarningResponse[];
}
