import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDefined, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, MaxLength, ValidateNested } from 'class-validator';

/** One biometric capture (GBG GO shape, seed 001). */
export class BiometricDto {
  /** Base64 (optionally a data: URL) JPEG or PNG; ciphertext when selfieImageEncryption is true. */
  @IsString()
  @IsNotEmpty()
  selfieImage!: string;

  @IsOptional()
  @IsBoolean()
  selfieImageEncryption?: boolean;

  /** A plain face photo to match the selfie against. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  referenceImage?: string;
}

/** An identity document's images. */
export class DocumentDto {
  @IsOptional()
  @IsString()
  @MaxLength(40)
  type?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  frontImage?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  backImage?: string;
}

export class SubjectDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => BiometricDto)
  biometrics!: BiometricDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => DocumentDto)
  documents?: DocumentDto[];

  /** The integrator's own reference for the subject (never interpreted). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;
}

export class RunContextDto {
  @IsDefined()
  @ValidateNested()
  @Type(() => SubjectDto)
  subject!: SubjectDto;
}

export class CreateRunDto {
  /** A journey id (latest version) or id@version. */
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}(@[1-9][0-9]{0,8})?$/, { message: 'resourceId must be a journey id or id@version' })
  resourceId!: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => RunContextDto)
  context!: RunContextDto;

  /** Where this run's webhook events go, instead of the integration's `webhookUrl`. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'callbackUrl must be an http(s) URL' })
  @MaxLength(2000)
  callbackUrl?: string;

  /** Echoed in the decision and webhook events (Veriff `vendorData`); never interpreted. */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  vendorData?: string;

  /** The integrator's id for the end user (Veriff `endUserId`); never interpreted. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  endUserId?: string;
}
