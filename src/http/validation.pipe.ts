import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiError } from './api-error';

/** Whitelisting DTO validation whose failures list every field with a JSON-ish path. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors, '');
      return new ApiError(400, 'VALIDATION_FAILED', details.map((d) => `${d.field}: ${d.problems.join(', ')}`).join('; '), details);
    },
  });
}

function flatten(errors: ValidationError[], parent: string): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}
