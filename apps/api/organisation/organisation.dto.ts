import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsDateString, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../libs/domain/accounts/password-policy';
import { IMPORT_LIMITS } from '../../../libs/domain/import/limits';
import { CHART_IMPORT_ROWS, IMPORTABLE_ROLES } from '../../../libs/domain/organisation/chart-import';
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

/** Multipart forms send every field as text: "true" and "a,b" are read as a flag and a list. */
const flag = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const ids = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((id) => id.trim()).filter(Boolean) : value);

export class ChartImportTextRequest {
  @ApiPropertyOptional({ description: 'The chart as CSV or tab-separated text, with a header row (Enhet, Ingår i, Namn, E-post, Roller, Chef); or upload a CSV or XLSX file in the field `file`' })
  @IsOptional() @IsString() @MaxLength(IMPORT_LIMITS.textCharacters) text?: string;
  @ApiPropertyOptional({ example: 'organisation.csv' }) @IsOptional() @IsString() @MaxLength(300) filename?: string;
  @ApiPropertyOptional({ description: 'With the commit: deactivate every person the preview lists as missing (active in Bevaka, not in the file), except those it keeps (admins, yourself, the installed admin)' })
  @IsOptional() @Transform(flag) @IsBoolean() deactivateMissing?: boolean;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'With the commit: deactivate these of the missing people only (in a form: comma-separated)' })
  @IsOptional() @Transform(ids) @IsArray() @ArrayMaxSize(CHART_IMPORT_ROWS) @IsUUID('all', { each: true }) deactivate?: string[];
}

class FieldChangeResponse {
  @ApiProperty({ enum: ['name', 'unit', 'roles', 'head', 'parent'] }) field!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Names, not ids; roles as "coordinator, owner"; head: the unit (of a person) or the person (of a unit)' }) from!: string | null;
  @ApiProperty({ nullable: true, type: String }) to!: string | null;
}

class FileUnitResponse {
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ description: 'Absent when no row says' }) parent?: string;
  @ApiPropertyOptional({ description: "The head's e-mail address; absent when no row marks one" }) head?: string;
  @ApiPropertyOptional({ description: 'Named only as the unit another belongs to' }) onlyAsParent?: boolean;
  @ApiProperty() row!: number;
}

class FilePersonResponse {
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiPropertyOptional() unit?: string;
  @ApiPropertyOptional({ enum: IMPORTABLE_ROLES, isArray: true, description: 'Absent for a blank cell: an existing person keeps their roles, a new one becomes owner' }) roles?: string[];
  @ApiProperty() head!: boolean;
  @ApiProperty() row!: number;
}

class ChartFileResponse {
  @ApiProperty({ type: [FileUnitResponse] }) units!: FileUnitResponse[];
  @ApiProperty({ type: [FilePersonResponse] }) people!: FilePersonResponse[];
}

class NewUnitResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) parent!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The head's e-mail address" }) head!: string | null;
  @ApiProperty() row!: number;
}

class UnitChangeResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() row!: number;
  @ApiProperty({ type: [FieldChangeResponse] }) changes!: FieldChangeResponse[];
}

class NamedResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

class ChartUnitsResponse {
  @ApiProperty({ type: [NewUnitResponse], description: 'Each after the unit it belongs to' }) new!: NewUnitResponse[];
  @ApiProperty({ type: [UnitChangeResponse] }) changed!: UnitChangeResponse[];
  @ApiProperty({ type: [NamedResponse] }) unchanged!: NamedResponse[];
  @ApiProperty({ type: [NamedResponse], description: 'In Bevaka, not in the file: left as they are' }) missing!: NamedResponse[];
}

class NewPersonResponse {
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) unit!: string | null;
  @ApiProperty({ enum: IMPORTABLE_ROLES, isArray: true }) roles!: string[];
  @ApiProperty({ nullable: true, type: String }) headOf!: string | null;
  @ApiProperty() row!: number;
}

class PersonChangeResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty() row!: number;
  @ApiProperty({ type: [FieldChangeResponse] }) changes!: FieldChangeResponse[];
}

class PersonNamedResponse extends NamedResponse {
  @ApiProperty() email!: string;
}

class MissingPersonResponse extends PersonNamedResponse {
  @ApiProperty({ nullable: true, type: String }) unit!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['admin', 'you', 'bevakaAdmin'], description: 'Why an import never deactivates this person; null: deactivated when the commit confirms' }) kept!: string | null;
}

class ChartPeopleResponse {
  @ApiProperty({ type: [NewPersonResponse] }) new!: NewPersonResponse[];
  @ApiProperty({ type: [PersonChangeResponse] }) changed!: PersonChangeResponse[];
  @ApiProperty({ type: [PersonNamedResponse] }) unchanged!: PersonNamedResponse[];
  @ApiProperty({ type: [MissingPersonResponse], description: 'Active in Bevaka, not in the file' }) missing!: MissingPersonResponse[];
}

class ChartProblemResponse {
  @ApiProperty() row!: number;
  @ApiProperty({ description: 'tooLong, parentWithoutUnit, ownParent, twoParents, ring, noEmail, noName, notEmail, duplicateEmail, adminRole, unknownRole, headWithoutUnit, twoHeads' }) code!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'The names the problem concerns, for a message in the reader’s language' }) values!: Record<string, string>;
}

class ChartWarningResponse {
  @ApiProperty({ nullable: true, type: Number }) row!: number | null;
  @ApiProperty({ enum: ['unknownParent', 'noHead', 'deactivated'] }) code!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) values!: Record<string, string>;
}

class AppliedCountsResponse {
  @ApiProperty() created!: number;
  @ApiProperty() changed!: number;
}

class AppliedPeopleResponse extends AppliedCountsResponse {
  @ApiProperty() deactivated!: number;
}

class ChartAppliedResponse {
  @ApiProperty({ type: AppliedCountsResponse }) units!: AppliedCountsResponse;
  @ApiProperty({ type: AppliedPeopleResponse }) people!: AppliedPeopleResponse;
}

export class ChartImportResponse {
  @ApiProperty({ type: ChartFileResponse, description: 'What the file holds' }) file!: ChartFileResponse;
  @ApiProperty({ type: ChartUnitsResponse }) units!: ChartUnitsResponse;
  @ApiProperty({ type: ChartPeopleResponse }) people!: ChartPeopleResponse;
  @ApiProperty({ type: [ChartWarningResponse], description: 'Worth knowing; they do not stop the import' }) warnings!: ChartWarningResponse[];
  @ApiProperty({ type: [ChartProblemResponse], description: 'Rows that cannot be imported (also rings in the unit tree); the commit refuses while there are any' }) problems!: ChartProblemResponse[];
  @ApiProperty({ type: [String] }) ignoredColumns!: string[];
  @ApiPropertyOptional({ type: ChartAppliedResponse, description: 'After the commit: what was written' }) applied?: ChartAppliedResponse;
}
