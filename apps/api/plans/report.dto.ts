import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSESSMENTS, type Assessment } from '../../../libs/domain/reporting/assessment';
import { SPREAD_KEYS } from '../../../libs/domain/reporting/assessment-spread';
import type { ReportDocument } from '../../../libs/domain/reporting/report-document';
import { ROUND_STATUSES, STATUS_REPORT_STATES, type RoundStatus, type StatusReportState } from '../../../libs/domain/reporting/round';
import { SCHEDULE_KINDS } from '../../../libs/domain/schedule/types';

class ReportQuotaResponse {
  @ApiProperty({ example: 4 }) count!: number;
  @ApiProperty({ example: 6 }) target!: number;
}

/** The board report (libs/domain/reporting/report-document) as the OpenAPI document describes it. */
class ReportOccurrenceResponse {
  @ApiProperty() periodKey!: string;
  @ApiProperty({ format: 'date-time' }) due!: string;
  @ApiProperty({ format: 'date-time' }) originalDue!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ enum: ['completed-on-time', 'completed-late', 'open', 'skipped', 'cancelled'] }) outcome!: 'completed-on-time' | 'completed-late' | 'open' | 'skipped' | 'cancelled';
  @ApiProperty() late!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) completedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty({ nullable: true, type: String }) evidenceUrl!: string | null;
  @ApiProperty({ nullable: true, type: String }) skipReason!: string | null;
  @ApiProperty() escalations!: number;
  @ApiPropertyOptional({ type: ReportQuotaResponse, description: 'A quota\'s period: the times logged of its target ("4 av 6")' }) quota?: ReportQuotaResponse;
}

class ReportStatusLineResponse {
  @ApiProperty() text!: string;
  @ApiProperty({ nullable: true, type: String }) by!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

class ReportStatusReportResponse {
  @ApiProperty({ enum: STATUS_REPORT_STATES, description: "'not-reported' when the round froze without it" }) state!: StatusReportState;
  @ApiProperty({ enum: ASSESSMENTS, nullable: true, type: String }) assessment!: Assessment | null;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty({ type: [String] }) links!: string[];
  @ApiProperty({ description: "The responsible unit's name ('' if none)" }) unit!: string;
  @ApiProperty({ nullable: true, type: String }) submittedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The owner a substitute answered for' }) submittedOnBehalfOf!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt!: string | null;
}

class ReportActionResponse {
  @ApiProperty() actionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) when!: string | null;
  @ApiProperty({ enum: SCHEDULE_KINDS }) kind!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: [ReportOccurrenceResponse] }) occurrences!: ReportOccurrenceResponse[];
  @ApiProperty({ type: [ReportStatusLineResponse] }) statusLines!: ReportStatusLineResponse[];
  @ApiProperty({ type: ReportStatusReportResponse, required: false, description: 'The owners’ status report in the round (reports frozen before rounds have none)' })
  statusReport?: ReportStatusReportResponse;
}

class ReportAreaResponse {
  @ApiProperty({ description: "'' for actions without an area" }) title!: string;
  @ApiProperty({ required: false, nullable: true, type: String, description: 'The coordinator’s summary of the area in the round' }) summary?: string | null;
  @ApiProperty({ type: [ReportActionResponse] }) actions!: ReportActionResponse[];
}

class ReportTotalsResponse {
  @ApiProperty() due!: number;
  @ApiProperty() completedOnTime!: number;
  @ApiProperty() completedLate!: number;
  @ApiProperty() open!: number;
  @ApiProperty() late!: number;
  @ApiProperty() skipped!: number;
  @ApiProperty() escalations!: number;
}

class ReportPlanResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() timezone!: string;
}

class ReportPeriodOfDocument {
  @ApiProperty({ example: '2026H1' }) key!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
}

class ReportRoundResponse {
  @ApiProperty({ enum: ROUND_STATUSES }) status!: RoundStatus;
  @ApiProperty({ format: 'date-time', description: 'The status reports’ deadline' }) deadline!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The coordinator’s overall summary' }) summary!: string | null;
  @ApiProperty({ nullable: true, type: String }) approvedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) approvedAt!: string | null;
}

class SpreadCountsResponse {
  @ApiProperty() completed!: number;
  @ApiProperty({ name: 'on-track' }) 'on-track'!: number;
  @ApiProperty({ name: 'at-risk' }) 'at-risk'!: number;
  @ApiProperty() deviation!: number;
  @ApiProperty({ name: 'not-started' }) 'not-started'!: number;
  @ApiProperty({ description: 'Actions without an assessment' }) none!: number;
}

class AreaSpreadResponse {
  @ApiProperty() area!: string;
  @ApiProperty({ type: SpreadCountsResponse, description: `Actions per assessment: ${SPREAD_KEYS.join(', ')}` }) counts!: SpreadCountsResponse;
}

class ReportPreviousSpreadResponse {
  @ApiProperty({ type: ReportPeriodOfDocument }) period!: ReportPeriodOfDocument;
  @ApiProperty({ type: [AreaSpreadResponse] }) spread!: AreaSpreadResponse[];
}

class ReportBoardDecisionResponse {
  @ApiProperty({ example: 'KS' }) body!: string;
  @ApiProperty({ format: 'date', example: '2026-09-15' }) date!: string;
  @ApiProperty({ example: '§ 123' }) paragraph!: string;
}

export class ReportDocumentResponse implements ReportDocument {
  @ApiProperty({ type: ReportPlanResponse }) plan!: ReportPlanResponse;
  @ApiProperty({ type: ReportPeriodOfDocument }) period!: ReportPeriodOfDocument;
  @ApiProperty({ format: 'date-time', description: 'When it was frozen; for a draft, the moment it was drawn up' }) frozenAt!: string;
  @ApiProperty({ required: false, description: 'A draft of a period still running: not the board’s report yet' }) draft?: boolean;
  @ApiProperty({ type: ReportTotalsResponse }) totals!: ReportTotalsResponse;
  @ApiProperty({ type: [ReportAreaResponse] }) areas!: ReportAreaResponse[];
  @ApiProperty({ type: ReportRoundResponse, required: false, description: 'The reporting round behind the report (reports frozen before rounds have none)' }) round?: ReportRoundResponse;
  @ApiProperty({ type: ReportPreviousSpreadResponse, required: false, description: 'The previous report’s assessments per area, for the chart’s movement' })
  previous?: ReportPreviousSpreadResponse;
  @ApiProperty({ type: ReportBoardDecisionResponse, required: false, description: 'The board’s handling, once recorded (not part of the frozen snapshot)' })
  boardDecision?: ReportBoardDecisionResponse;
}
