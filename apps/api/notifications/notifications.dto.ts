import { ApiProperty } from '@nestjs/swagger';

class MailStateResponse {
  @ApiProperty({ description: 'queued, sent, failed, off (the person chose the app only), in-app (no SMTP) …' }) state!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt!: string | null;
}

export class NotificationResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'reminder, overdue, escalation, postponed, completed, status-request …' }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) planId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actionId!: string | null;
  @ApiProperty({ nullable: true, type: String }) occurrenceId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the notice says: action and plan titles, due instant, lateness, step …' }) payload!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt!: string | null;
  @ApiProperty({ type: MailStateResponse }) mail!: MailStateResponse;
  @ApiProperty({ description: 'The web app page the notice is about, as the mail links it' }) link!: string;
}

export class NotificationListResponse {
  @ApiProperty({ type: [NotificationResponse], description: 'Newest first' }) items!: NotificationResponse[];
  @ApiProperty() unread!: number;
}

export class UnreadCountResponse {
  @ApiProperty() unread!: number;
}

export class ReadAllResponse {
  @ApiProperty({ description: 'Notices marked read now' }) updated!: number;
  @ApiProperty() unread!: number;
}

export class ReadResponse {
  @ApiProperty() id!: string;
  @ApiProperty() unread!: number;
}
