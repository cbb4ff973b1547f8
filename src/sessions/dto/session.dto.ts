import { Type } from 'class-transformer';
import { Equals, IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, MaxLength, ValidateNested } from 'class-validator';

const RESOURCE_ID = /^[a-z0-9][a-z0-9-]{0,62}(@[1-9][0-9]{0,8})?$/;

/** Seed 000's `verification` object of POST /v1/sessions. */
export class SessionVerificationDto {
  /** Where this session's webhook events go (instead of the integration's webhookUrl). */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'verification.callback must be an http(s) URL' })
  @MaxLength(2000)
  callback?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  vendorData?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  endUserId?: string;
}

export class CreateSessionDto {
  @IsDefined()
  @ValidateNested()
  @Type(() => SessionVerificationDto)
  verification!: SessionVerificationDto;

  /** The journey (`id` or `id@version`); `journey` is accepted as an alias. */
  @IsOptional()
  @IsString()
  @Matches(RESOURCE_ID, { message: 'resourceId must be a journey id or id@version' })
  resourceId?: string;

  @IsOptional()
  @IsString()
  @Matches(RESOURCE_ID, { message: 'journey must be a journey id or id@version' })
  journey?: string;
}

export class SessionImageDto {
  /** Only face images feed the liveness journeys; documents have no module yet. */
  @IsIn(['face'], { message: 'image.context must be "face"' })
  context!: 'face';

  /** Base64 (optionally a data: URL) JPEG or PNG. */
  @IsString()
  @IsNotEmpty()
  content!: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  timestamp?: string;
}

export class SessionMediaDto {
  @IsDefined()
  @ValidateNested()
  @Type(() => SessionImageDto)
  image!: SessionImageDto;
}

export class PatchVerificationDto {
  @Equals('submitted', { message: 'verification.status must be "submitted"' })
  status!: 'submitted';
}

export class PatchSessionDto {
  @IsDefined()
  @ValidateNested()
  @Type(() => PatchVerificationDto)
  verification!: PatchVerificationDto;
}
