export * from './scoring.module';
// The matchmaker reads `ScoringService.peerRating(userId)`.
export { ScoringService } from './scoring.service';
export { assertScoringAccess, type ScoringAction } from './scoring-access';
