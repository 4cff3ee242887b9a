import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ScheduleRuleResponse, WarningResponse } from '../common/shared.dto';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CreatePlanRequest } from './plans.dto';
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
