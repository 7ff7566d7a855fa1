import {
  changePasswordRequestSchema,
  loginRequestSchema,
  refreshResponseSchema,
  registerRequestSchema,
  sessionResponseSchema,
  updateProfileRequestSchema,
  userSchema,
  verifyEmailRequestSchema,
} from '@pairboard/contracts';
import { createZodDto } from 'nestjs-zod';

export class RegisterDto extends createZodDto(registerRequestSchema) {}
export class LoginDto extends createZodDto(loginRequestSchema) {}
export class UpdateProfileDto extends createZodDto(updateProfileRequestSchema) {}
export class SessionDto extends createZodDto(sessionResponseSchema) {}
export class RefreshDto extends createZodDto(refreshResponseSchema) {}
export class UserDto extends createZodDto(userSchema) {}
export class ChangePasswordDto extends createZodDto(changePasswordRequestSchema) {}
export class VerifyEmailDto extends createZodDto(verifyEmailRequestSchema) {}
