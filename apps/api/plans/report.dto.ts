import { ApiProperty } from '@nestjs/swagger';
import type { ReportDocument } from '../../../libs/domain/reporting/report-document';

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
}

class ReportStatusLineResponse {
  @ApiProperty() text!: string;
  @ApiProperty({ nullable: true, type: String }) by!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

class ReportActionResponse {
  @ApiProperty() actionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) when!: string | null;
  @ApiProperty({ enum: ['recurring', 'once', 'continuous'] }) kind!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: [ReportOccurrenceResponse] }) occurrences!: ReportOccurrenceResponse[];
  @ApiProperty({ type: [ReportStatusLineResponse] }) statusLines!: ReportStatusLineResponse[];
}

class ReportAreaResponse {
  @ApiProperty({ description: "'' for actions without an area" }) title!: string;
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

export class ReportDocumentResponse implements ReportDocument {
  @ApiProperty({ type: ReportPlanResponse }) plan!: ReportPlanResponse;
  @ApiProperty({ type: ReportPeriodOfDocument }) period!: ReportPeriodOfDocument;
  @ApiProperty({ format: 'date-time', description: 'When it was frozen; for a draft, the moment it was drawn up' }) frozenAt!: string;
  @ApiProperty({ required: false, description: 'A draft of a period still running: not the board’s report yet' }) draft?: boolean;
  @ApiProperty({ type: ReportTotalsResponse }) totals!: ReportTotalsResponse;
  @ApiProperty({ type: [ReportAreaResponse] }) areas!: ReportAreaResponse[];
}
