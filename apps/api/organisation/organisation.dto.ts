import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsDateString, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../libs/domain/accounts/password-policy';
import { IMPORT_LIMITS } from '../../../libs/domain/import/limits';
import { IMPORTABLE_ROLES } from '../../../libs/domain/organisation/chart-import';
import { ROLES, Role } from '../../../libs/persistence/entities/person.entity';

const PASSWORD_DOC = { minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: 'Admins only (403 ADMIN_ONLY otherwise): at least 12 characters, not a common password' };

export class CreateUnitRequest {
  @ApiProperty({ example: 'Samhällsbyggnad' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional({ example: 'SBB', description: 'How minutes shorten it; owners are matched by it' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(40) abbreviation?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() parentId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() headPersonId?: string;
}

export class UpdateUnitRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'SBB' }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MinLength(1) @MaxLength(40) abbreviation?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() parentId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() headPersonId?: string | null;
}

export class UnitResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) abbreviation!: string | null;
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
  @ApiPropertyOptional({ type: String, nullable: true, example: 'SBB' }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MinLength(1) @MaxLength(40) abbreviation?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() unitId?: string | null;
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

export class ChartImportTextRequest {
  @ApiPropertyOptional({ description: 'The chart as CSV or tab-separated text, with a header row (Enhet, Ingår i, Namn, E-post, Roller, Chef); or upload a CSV or XLSX file in the field `file`' })
  @IsOptional() @IsString() @MaxLength(IMPORT_LIMITS.textCharacters) text?: string;
  @ApiPropertyOptional({ example: 'organisation.csv' }) @IsOptional() @IsString() @MaxLength(300) filename?: string;
}

class ImportedUnitResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) parent!: string | null;
  @ApiProperty() row!: number;
}

class ImportedPersonResponse {
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) unit!: string | null;
  @ApiProperty({ enum: IMPORTABLE_ROLES, isArray: true }) roles!: string[];
  @ApiProperty() row!: number;
}

class ImportedHeadResponse {
  @ApiProperty() unit!: string;
  @ApiProperty() email!: string;
  @ApiProperty() row!: number;
}

class ChartProblemResponse {
  @ApiProperty() row!: number;
  @ApiProperty({ description: 'tooLong, parentWithoutUnit, twoParents, ring, noEmail, noName, notEmail, duplicateEmail, adminRole, unknownRole, headWithoutUnit, twoHeads' }) code!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'The names the problem concerns, for a message in the reader’s language' }) values!: Record<string, string>;
}

class ChartExistingResponse {
  @ApiProperty({ type: [String] }) units!: string[];
  @ApiProperty({ type: [String] }) emails!: string[];
}

class ChartCreatedResponse {
  @ApiProperty() units!: number;
  @ApiProperty() people!: number;
  @ApiProperty() heads!: number;
}

export class ChartImportResponse {
  @ApiProperty({ type: [ImportedUnitResponse], description: 'New units, each after the unit it belongs to' }) units!: ImportedUnitResponse[];
  @ApiProperty({ type: [ImportedPersonResponse] }) people!: ImportedPersonResponse[];
  @ApiProperty({ type: [ImportedHeadResponse] }) heads!: ImportedHeadResponse[];
  @ApiProperty({ type: ChartExistingResponse, description: 'Named in the file and in the chart already: left as they are' }) existing!: ChartExistingResponse;
  @ApiProperty({ type: [ChartProblemResponse], description: 'Rows that cannot be imported; the commit refuses while there are any' }) problems!: ChartProblemResponse[];
  @ApiProperty({ type: [String] }) ignoredColumns!: string[];
  @ApiPropertyOptional({ type: ChartCreatedResponse, description: 'After the commit: what was written' }) created?: ChartCreatedResponse;
}
