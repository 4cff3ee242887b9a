import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OPEN_OBJECT } from '../common/shared.dto';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PACES, type Pace } from '../../../libs/domain/quota/pace';
import { FOLLOW_UP_DESCRIPTION, FOLLOW_UP_STATES, FollowUpState } from '../engine/follow-up-state';

import { OCCURRENCE_KINDS, OCCURRENCE_STATUSES, type OccurrenceKind } from '../../../libs/domain/occurrence/status';

export const MAX_PAGE = 1_000_000;

export class CompleteRequest {
  @ApiPropertyOptional({ example: 'Mötet hölls den 12 mars med 40 företag' }) @IsOptional() @IsString() @MaxLength(4000) note?: string;
  @ApiPropertyOptional({ example: 'https://kommun.se/protokoll/12' }) @IsOptional() @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }) evidenceUrl?: string;
}

export class LogQuotaEntryRequest {
  @ApiProperty({ example: '2026-03-12', description: 'The local date it happened (YYYY-MM-DD): inside the period, not in the future' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'happenedOn is a date YYYY-MM-DD' }) happenedOn!: string;
  @ApiPropertyOptional({ example: 'Företagsfrukost med 14 deltagare' }) @IsOptional() @IsString() @MaxLength(4000) note?: string;
  @ApiPropertyOptional({ example: 'https://kommun.se/naringsliv/frukost-mars' }) @IsOptional() @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }) evidenceUrl?: string;
}

export class QuotaEntryResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '2026-03-12' }) happenedOn!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ nullable: true, type: String }) evidenceUrl!: string | null;
  @ApiProperty({ format: 'date-time' }) loggedAt!: string;
  @ApiProperty({ nullable: true, type: String }) loggedByPersonId!: string | null;
  @ApiProperty({ nullable: true, type: String }) loggedByName!: string | null;
}

/** A quota's period as it stands: "4 av 6 hittills · i fas". */
export class QuotaProgressResponse {
  @ApiProperty({ example: 6 }) target!: number;
  @ApiProperty({ example: 4, description: 'Times logged in the period so far' }) count!: number;
  @ApiProperty({ format: 'date-time', description: 'The first instant of the period (its end is the due instant)' }) periodStartsAt!: string;
  @ApiProperty({ enum: PACES, description: 'reached: the target is met; on-pace: as many as the straight line to the target asks by now; behind: fewer; missed: the period ended below target' })
  pace!: Pace;
}

export class PostponeRequest {
  @ApiProperty({ description: 'A date (end of that day in the plan timezone) or an ISO instant', example: '2026-12-15' }) @IsString() @MaxLength(100) due!: string;
  @ApiProperty({ example: 'Väntar på beslut i nämnden' }) @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

export class SkipRequest {
  @ApiProperty({ example: 'Ersätts av en digital träff' }) @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

export class ReassignRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() ownerPersonId!: string;
}

export class OccurrenceQuery {
  @ApiPropertyOptional({ enum: OCCURRENCE_STATUSES }) @IsOptional() @IsIn(OCCURRENCE_STATUSES) status?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() actionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() planId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() ownerPersonId?: string;
  // Pages past the last one are empty; past MAX_PAGE no list of occurrences reaches, and its offset
  // would be a number the database refuses.
  @ApiPropertyOptional({ default: 1, maximum: MAX_PAGE }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;
  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

export class CompletionResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() byPersonId!: string;
  @ApiProperty({ nullable: true, type: String }) byName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The owner a substitute or head completed it for' }) onBehalfOfPersonId!: string | null;
  @ApiProperty() onTime!: boolean;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ nullable: true, type: String }) evidenceUrl!: string | null;
}

export class OccurrenceResponse {
  @ApiProperty() id!: string;
  @ApiProperty() actionId!: string;
  @ApiProperty() actionTitle!: string;
  @ApiProperty() planId!: string;
  @ApiProperty({ enum: OCCURRENCE_KINDS, description: "task: an occurrence of the action's schedule; status-report: the action's status report in a reporting round (submitted with POST /api/occurrences/{id}/status-report)" })
  kind!: OccurrenceKind;
  @ApiProperty() periodKey!: string;
  @ApiProperty() periodStart!: string;
  @ApiProperty() periodEnd!: string;
  @ApiProperty({ format: 'date-time' }) due!: string;
  @ApiProperty({ format: 'date-time' }) originalDue!: string;
  @ApiProperty({ enum: OCCURRENCE_STATUSES }) status!: string;
  @ApiProperty({ type: [String] }) ownerPersonIds!: string[];
  @ApiProperty({ type: [String] }) ownerUnitIds!: string[];
  @ApiProperty() escalationLevel!: number;
  @ApiProperty({ nullable: true, type: CompletionResponse }) completion!: CompletionResponse | null;
  @ApiProperty({ nullable: true, type: String }) skipReason!: string | null;
  @ApiProperty({ nullable: true, type: QuotaProgressResponse, description: 'A quota\'s period ("minst sex gånger per år"): logged time by time with POST /api/occurrences/{id}/entries' })
  quota!: QuotaProgressResponse | null;
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATES, description: `In answers about one occurrence (read, complete, postpone, skip, reassign): whether a postponement asked for has reached the engine. ${FOLLOW_UP_DESCRIPTION}` })
  followUp?: FollowUpState;
}

export class OccurrencePage {
  @ApiProperty({ type: [OccurrenceResponse] }) items!: OccurrenceResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class EscalationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() step!: number;
  @ApiProperty({ format: 'date-time' }) escalatedAt!: string;
  @ApiProperty({ nullable: true, type: String }) acknowledgedAt!: string | null;
  @ApiProperty() lateSeconds!: number;
  @ApiProperty({ type: OccurrenceResponse }) occurrence!: OccurrenceResponse;
  @ApiProperty({ type: [String], description: 'Names of the owners' }) owners!: string[];
}

export class HistoryEntry {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['transition', 'notice'] }) type!: 'transition' | 'notice';
  @ApiProperty({ example: 'escalated' }) kind!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Who acted (transitions) or who was notified (notices)' }) person!: string | null;
  @ApiProperty({ ...OPEN_OBJECT, description: 'What the transition or notice carried: note, evidenceUrl, reason, dueInstant, step …' }) data!: unknown;
}
