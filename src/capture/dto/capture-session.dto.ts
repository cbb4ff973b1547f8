import { IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';

/** POST /v1/capture-sessions (integrator, server side). */
export class CreateCaptureSessionDto {
  /** The journey (`id` or `id@version`) whose entry module takes encrypted selfies. */
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}(@[1-9][0-9]{0,8})?$/, { message: 'resourceId must be a journey id or id@version' })
  resourceId!: string;

  /** The integrator's reference for the subject; becomes context.subject.reference of the run. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subjectReference?: string;

  /** Shorter than the default lifetime (CAPTURE_SESSION_TTL_SECONDS), never longer than CAPTURE_SESSION_MAX_TTL_SECONDS. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  expiresInSeconds?: number;

  /** Webhook destination of the run the capture creates (needs an integration secret, like runs). */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'callbackUrl must be an http(s) URL' })
  @MaxLength(2000)
  callbackUrl?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  vendorData?: string;
}

/** POST /capture/:token/submit (the page or the SDK, authenticated by the token). */
export class CaptureSubmitDto {
  /** The capture envelope, exactly what selfieImage holds in POST /v1/runs. */
  @IsString()
  @IsNotEmpty()
  selfieImage!: string;
}
