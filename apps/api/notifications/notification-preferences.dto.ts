import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';

const CHOICES = ['immediate', 'digest', 'off'] as const;
type Choice = (typeof CHOICES)[number];

/** Per kind of notice: by mail at once, in the daily digest (08:00 on working days), or not by mail. */
export class KindChoicesDto {
  @ApiPropertyOptional({ enum: CHOICES }) @IsOptional() @IsIn(CHOICES) reminder?: Choice;
  @ApiPropertyOptional({ enum: CHOICES }) @IsOptional() @IsIn(CHOICES) overdue?: Choice;
  /** Escalations to a person always arrive: at once or in the digest, never off. */
  @ApiPropertyOptional({ enum: ['immediate', 'digest'] })
  @IsOptional()
  @IsIn(['immediate', 'digest'], { message: 'escalations always arrive: choose immediate or digest' })
  escalation?: 'immediate' | 'digest';
  @ApiPropertyOptional({ enum: CHOICES }) @IsOptional() @IsIn(CHOICES) repeat?: Choice;
  @ApiPropertyOptional({ enum: CHOICES }) @IsOptional() @IsIn(CHOICES) 'status-request'?: Choice;
  @ApiPropertyOptional({ enum: CHOICES }) @IsOptional() @IsIn(CHOICES) postponed?: Choice;
  @ApiPropertyOptional({ enum: CHOICES }) @IsOptional() @IsIn(CHOICES) completed?: Choice;
}

export class NotificationPreferencesDto {
  @ApiPropertyOptional({ enum: ['sv', 'en'], description: 'Language of mail and feeds' })
  @IsOptional()
  @IsIn(['sv', 'en'])
  locale?: 'sv' | 'en';

  @ApiPropertyOptional({ type: KindChoicesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => KindChoicesDto)
  kinds?: KindChoicesDto;
}

/** Every kind with its choice, as they stand. */
export class KindChoicesResponse {
  @ApiProperty({ enum: CHOICES }) reminder!: Choice;
  @ApiProperty({ enum: CHOICES }) overdue!: Choice;
  @ApiProperty({ enum: ['immediate', 'digest'] }) escalation!: Choice;
  @ApiProperty({ enum: CHOICES }) repeat!: Choice;
  @ApiProperty({ enum: CHOICES }) 'status-request'!: Choice;
  @ApiProperty({ enum: CHOICES }) postponed!: Choice;
  @ApiProperty({ enum: CHOICES }) completed!: Choice;
}

export class NotificationPreferencesResponse {
  @ApiProperty({ enum: ['sv', 'en'], description: 'Language of mail and feeds' }) locale!: 'sv' | 'en';
  @ApiProperty({ type: KindChoicesResponse }) kinds!: KindChoicesResponse;
}
