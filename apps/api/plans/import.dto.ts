import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FOLLOW_UP_DESCRIPTION, FOLLOW_UP_STATES, FollowUpState } from '../engine/follow-up-state';
import { ScheduleRuleResponse, WarningResponse } from '../common/shared.dto';
import { SCHEDULE_KINDS, type ScheduleKind } from '../../../libs/domain/schedule/types';

/** A plan import's preview and its commit, as the OpenAPI document describes them. */
class ImportedScheduleResponse {
  @ApiProperty({ enum: SCHEDULE_KINDS }) kind!: ScheduleKind;
  @ApiProperty({ type: ScheduleRuleResponse, nullable: true }) rule!: ScheduleRuleResponse | null;
  @ApiPropertyOptional() start?: string;
  @ApiProperty({ type: [String], description: 'The first due dates (YYYY-MM-DD)' }) due!: string[];
  @ApiProperty({ type: [WarningResponse] }) warnings!: WarningResponse[];
}

class OwnerMappingResponse {
  @ApiProperty({ type: [String] }) unitIds!: string[];
  @ApiProperty({ type: [String] }) personIds!: string[];
  @ApiProperty({ type: [String], description: 'Owner names found in no unit or active person' }) unmatched!: string[];
}

class ImportedActionResponse {
  @ApiProperty() title!: string;
  @ApiProperty() when!: string;
  @ApiProperty({ type: [String], description: 'Owners as the document names them' }) owners!: string[];
  @ApiProperty({ type: ImportedScheduleResponse }) schedule!: ImportedScheduleResponse;
  @ApiPropertyOptional({ description: 'The row of the document, 1-based' }) row?: number;
  @ApiProperty({ type: OwnerMappingResponse }) ownerMapping!: OwnerMappingResponse;
}

class ImportedAreaResponse {
  @ApiProperty() title!: string;
  @ApiProperty({ type: [ImportedActionResponse] }) actions!: ImportedActionResponse[];
}

class ImportDraftResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
}

export class ImportResponse {
  @ApiProperty({ enum: ['csv', 'xlsx', 'docx', 'pdf', 'markdown', 'text'] }) format!: string;
  @ApiProperty({ type: [ImportedAreaResponse] }) areas!: ImportedAreaResponse[];
  @ApiProperty({ type: [WarningResponse] }) warnings!: WarningResponse[];
  @ApiPropertyOptional({ description: 'After the commit: actions created' }) created?: number;
  @ApiPropertyOptional({ type: [ImportDraftResponse], description: 'After the commit: actions saved as drafts (no readable schedule)' }) drafts?: ImportDraftResponse[];
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATES, description: `After the commit. ${FOLLOW_UP_DESCRIPTION}` }) followUp?: FollowUpState;
}
