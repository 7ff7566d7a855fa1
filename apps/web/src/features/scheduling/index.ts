export { InvitationsList, InvitationAnswers, InvitationStatusBadge } from './InvitationsList';
export { InviteForm } from './InviteForm';
export { InterviewScheduleCard } from './InterviewScheduleCard';
