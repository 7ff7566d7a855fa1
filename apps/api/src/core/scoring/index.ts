export * from './scoring.module';
// The matchmaker reads `ScoringService.peerRating(userId)`.
export { ScoringService } from './scoring.service';
export { decideScoringAccess, type ScoringAction } from './scoring-access';
