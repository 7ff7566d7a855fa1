export * from './access-token-verifier';
export * from './auth.module';
export * from './auth.service';
export * from './current-user.decorator';
export * from './jwt.strategy';
export * from './password-hasher';
export * from './socket-sessions';
export * from './token-audiences';
