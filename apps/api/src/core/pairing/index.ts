export * from './pairing.module';
export * from './pairing.service';
