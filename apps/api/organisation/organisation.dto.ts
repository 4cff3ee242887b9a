import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsDateString, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../libs/domain/accounts/password-policy';
import { ROLES, Role } from '../../../libs/persistence/entities/person.entity';

const PASSWORD_DOC = { minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: 'Admins only (403 ADMIN_ONLY otherwise): at least 12 characters, not a common password' };

export class CreateUnitRequest {
  @ApiProperty({ example: 'Samhällsbyggnad' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() parentId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() headPersonId?: string;
}

export class UpdateUnitRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() parentId?: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() headPersonId?: string | null;
}

export class UnitResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) parentId!: string | null;
  @ApiProperty({ nullable: true, type: String }) headPersonId!: string | null;
}

export class CreatePersonRequest {
  @ApiProperty({ example: 'Olle Ägare' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ example: 'olle@kommun.se' }) @IsEmail() email!: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiProperty({ enum: ROLES, isArray: true, description: 'Granting admin is for admins only (403 ADMIN_ONLY)' }) @IsArray() @ArrayUnique() @IsIn(ROLES, { each: true }) roles!: Role[];
  @ApiPropertyOptional(PASSWORD_DOC) @IsOptional() @IsString() @MaxLength(PASSWORD_MAX_LENGTH * 2) password?: string;
}

export class UpdatePersonRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() unitId?: string | null;
  @ApiPropertyOptional({ enum: ROLES, isArray: true, description: 'Granting or removing admin is for admins only (403 ADMIN_ONLY); a change ends the person’s sessions' })
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(ROLES, { each: true }) roles?: Role[];
  @ApiPropertyOptional(PASSWORD_DOC) @IsOptional() @IsString() @MaxLength(PASSWORD_MAX_LENGTH * 2) password?: string;
}

export class PersonResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) unitId!: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Set while the person is deactivated: no sign-in, no notices' }) deactivatedAt!: string | null;
}

export class CreateSubstituteRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() substitutePersonId!: string;
  @ApiProperty({ example: '2026-07-01' }) @IsDateString({ strict: true }) startsOn!: string;
  @ApiProperty({ example: '2026-07-31' }) @IsDateString({ strict: true }) endsOn!: string;
}

export class SubstituteResponse {
  @ApiProperty() id!: string;
  @ApiProperty() personId!: string;
  @ApiProperty() substitutePersonId!: string;
  @ApiProperty() startsOn!: string;
  @ApiProperty() endsOn!: string;
}
