import { IsNotEmpty, IsString } from 'class-validator';

/** Seed 003's request: one base64 selfie (plain, URL-safe or a data: URL). */
export class VerifyLivenessDto {
  @IsString()
  @IsNotEmpty()
  selfie!: string;
}
