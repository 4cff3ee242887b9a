import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ScheduleRuleResponse, WarningResponse } from '../common/shared.dto';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { CreatePlanRequest, PolicyRequest } from './plans.dto';
import { SCHEDULE_KINDS } from '../../../libs/domain/schedule/types';

/**
 * What a coordinator may change of a plan, each field as when it was created; the rest stays.
 * Schedules in words are read again from a new start; actions without a policy of their own
 * follow a new default from then on.
 */
export class UpdatePlanRequest extends PartialType(CreatePlanRequest) {}

export class ArchivePlanRequest {
  @ApiProperty({ example: 'Ersatt av handlingsplanen 2027–2030' }) @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

export class RestorePlanRequest {
  @ApiPropertyOptional({ example: 'Planen gäller ett år till' }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class CreateAreaRequest {
  @ApiProperty({ example: 'Inköp och upphandling' }) @IsString() @MinLength(1) @MaxLength(300) title!: string;
}

export class UpdateAreaRequest {
  @ApiPropertyOptional({ example: 'Upphandling' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(300) title?: string;
  @ApiPropertyOptional({ description: "Its place in the plan's order (0 = first; beyond the last = last)" }) @IsOptional() @IsInt() @Min(0) @Max(10_000) position?: number;
}

export class AreaResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() position!: number;
}

export class WithdrawActionRequest {
  @ApiProperty({ example: 'Ingår i den nya upphandlingspolicyn' }) @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

export class SchedulePreviewRequest {
  @ApiProperty({ example: 'två gånger per år' }) @IsString() @MaxLength(2000) text!: string;
  @ApiPropertyOptional({ example: 'Q3 2026' }) @IsOptional() @IsString() @MaxLength(200) when?: string;
}

export class SchedulePreviewResponse {
  @ApiProperty({ enum: SCHEDULE_KINDS }) kind!: string;
  @ApiProperty({ type: ScheduleRuleResponse, nullable: true, description: 'The rule understood (e.g. {type: "perYear", perYear: 2})' }) rule!: ScheduleRuleResponse | null;
  @ApiProperty({ type: [String], description: 'The next due dates from today (YYYY-MM-DD), at most five' }) nextDue!: string[];
  @ApiProperty({ type: [WarningResponse], description: 'What is uncertain, as the import says it' }) warnings!: WarningResponse[];
  @ApiProperty({ description: 'Whether an action with this schedule would be followed up; otherwise it is saved as a draft' }) followable!: boolean;
}

/** A notice policy and the owners it would be for: the ladder said back in words. */
export class PolicyPreviewRequest {
  @ApiPropertyOptional({ type: () => PolicyRequest, description: "ISO 8601 durations, as for an action; absent: the plan's default policy" })
  @IsOptional() @ValidateNested() @Type(() => PolicyRequest) policy?: PolicyRequest;
  @ApiPropertyOptional({ type: [String], format: 'uuid' }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) ownerPersonIds?: string[];
  @ApiPropertyOptional({ type: [String], format: 'uuid' }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) ownerUnitIds?: string[];
  @ApiPropertyOptional({ enum: ['sv', 'en'], description: 'The language of the words; Swedish when absent' }) @IsOptional() @IsIn(['sv', 'en']) language?: 'sv' | 'en';
}

export class PolicyPreviewPersonResponse {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty() name!: string;
}

export class PolicyPreviewStepResponse {
  @ApiProperty({ description: 'Escalation step, 0-based' }) step!: number;
  @ApiProperty({ example: 'P7D', description: 'ISO 8601 duration after the due date' }) after!: string;
  @ApiProperty({ type: Number, nullable: true, example: 7, description: 'Whole days after the due date, when the duration is days or weeks' }) afterDays!: number | null;
  @ApiProperty({ example: 'dag 7' }) when!: string;
  @ApiProperty({ enum: ['owner', 'unit-head', 'kommunchef', 'coordinator'] }) role!: string;
  @ApiProperty({ type: [PolicyPreviewPersonResponse] }) to!: PolicyPreviewPersonResponse[];
  @ApiProperty({ example: 'dag 7: enhetschefen Hanna Enhetschef' }) words!: string;
}

export class PolicyPreviewResponse {
  @ApiProperty({ type: [String], example: ['P14D', 'P1D'] }) remindBefore!: string[];
  @ApiProperty({ type: [String], example: ['P7D', 'P14D'] }) escalateAfter!: string[];
  @ApiPropertyOptional({ example: 'P7D' }) repeatEvery?: string;
  @ApiProperty({ example: '14 dagar och 1 dag före: Olle Ansvarig', description: 'When the owners are reminded, in words' }) reminders!: string;
  @ApiProperty({ type: [PolicyPreviewStepResponse] }) steps!: PolicyPreviewStepResponse[];
  @ApiProperty({ type: String, nullable: true, example: 'sedan varje vecka till kommunchefen Kim Kommunchef' }) repeat!: string | null;
  @ApiProperty({ example: 'dag 7: enhetschefen Hanna Enhetschef, dag 14: kommunchefen Kim Kommunchef', description: 'Who gets what when, in one line' }) ladder!: string;
}
