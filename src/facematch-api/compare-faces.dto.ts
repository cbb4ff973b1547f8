import { IsNotEmpty, IsString } from 'class-validator';

/** seed 002's compare-faces request: sourceImage is the ID photo, targetImage the selfie. */
export class CompareFacesDto {
  @IsString()
  @IsNotEmpty()
  sourceImage!: string;

  @IsString()
  @IsNotEmpty()
  targetImage!: string;
}
