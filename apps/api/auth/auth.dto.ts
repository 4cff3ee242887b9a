import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../libs/domain/accounts/password-policy';

export class LoginRequest {
  @ApiProperty({ example: 'samordnare@kommun.se' })
  @IsEmail()
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class LoginResponse {
  @ApiProperty({ description: 'Bearer token for the Authorization header' })
  token!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}

export class MeResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ nullable: true, type: String }) unitId!: string | null;
}

export class ChangeOwnPasswordRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: 'At least 12 characters and not a common password' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH * 2)
  newPassword!: string;
}

export class OidcProvider {
  @ApiProperty({ description: 'The provider\'s name for the button "Logga in med <name>"', example: 'kommunens konto' }) name!: string;
}

export class ProvidersResponse {
  @ApiProperty({ description: 'Whether e-mail and password sign-in is on' }) password!: boolean;
  @ApiProperty({ type: OidcProvider, nullable: true, description: 'The OpenID Connect provider, or null when none is configured' }) oidc!: OidcProvider | null;
}
