import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { useAuth } from '../features/auth/AuthContext';
import { GuestOnly, RequireAuth } from '../features/auth/guards';
import { CenteredPage, FullPageLoading, LoadingBlock } from '../ui';
import { AppShell } from './AppShell';
import { RouteError } from './RouteError';

// Every page is its own chunk, so signing in downloads only the sign-in form.
const SignInPage = lazy(() => import('../features/auth/SignInPage'));
const SignUpPage = lazy(() => import('../features/auth/SignUpPage'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const ProfilePage = lazy(() => import('../features/profile/ProfilePage'));
const NewInterviewPage = lazy(() => import('../features/interviews/NewInterviewPage'));
const InterviewPage = lazy(() => import('../features/interviews/InterviewPage'));
const QuestionsPage = lazy(() => import('../features/questions/QuestionsPage'));
const QuestionDetailPage = lazy(() => import('../features/questions/QuestionDetailPage'));
const ScorecardPage = lazy(() => import('../features/scoring/ScorecardPage'));
const FeedbackPage = lazy(() => import('../features/scoring/FeedbackPage'));
const ProgressPage = lazy(() => import('../features/scoring/ProgressPage'));
const ScriptsPage = lazy(() => import('../features/scripts/ScriptsPage'));
const ScriptDetailPage = lazy(() => import('../features/scripts/ScriptDetailPage'));
const ScriptEditorPage = lazy(() => import('../features/scripts/ScriptEditorPage'));
const PractisePage = lazy(() => import('../features/practise/PractisePage'));
// The room carries the whiteboard (about 2 MB): only people who open a room download it.
const RoomPage = lazy(() => import('../features/room/RoomPage'));
const InvitationsPage = lazy(() => import('../features/scheduling/InvitationsPage'));
const JobDashboardPage = lazy(() => import('../features/admin/JobDashboardPage'));
const NotFoundPage = lazy(() => import('../features/not-found/NotFoundPage'));
// Replay carries Excalidraw like the room; the report carries the chart library.
const ReviewPage = lazy(() => import('../features/review/ReviewPage'));
const ReportPage = lazy(() => import('../features/review/ReportPage'));
const SharedReplayPage = lazy(() => import('../features/review/SharedReplayPage'));
const VerifyEmailPage = lazy(() => import('../features/auth/VerifyEmailPage'));

const standalone = (page: ReactNode) => <Suspense fallback={<FullPageLoading />}>{page}</Suspense>;

/** Unknown paths: inside the app shell for signed-in people, on a bare page for everyone else. */
function NotFoundRoute() {
  const { state } = useAuth();
  if (state.status === 'signedIn') {
    return (
      <AppShell>
        <NotFoundPage signedIn />
      </AppShell>
    );
  }
  return (
    <CenteredPage>
      <Suspense fallback={<LoadingBlock />}>
        <NotFoundPage signedIn={false} />
      </Suspense>
    </CenteredPage>
  );
}

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <GuestOnly />,
        children: [
          { path: 'signin', element: standalone(<SignInPage />) },
          { path: 'signup', element: standalone(<SignUpPage />) },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppShell />,
            children: [
              { index: true, element: <DashboardPage /> },
              { path: 'profile', element: <ProfilePage /> },
              { path: 'interviews/new', element: <NewInterviewPage /> },
              { path: 'interviews/:interviewId', element: <InterviewPage /> },
              { path: 'invitations', element: <InvitationsPage /> },
              { path: 'operator/jobs', element: <JobDashboardPage /> },
              { path: 'questions', element: <QuestionsPage /> },
              { path: 'questions/:questionId', element: <QuestionDetailPage /> },
              { path: 'interviews/:interviewId/scorecard', element: <ScorecardPage /> },
              { path: 'interviews/:interviewId/feedback', element: <FeedbackPage /> },
              { path: 'progress', element: <ProgressPage /> },
              { path: 'scripts', element: <ScriptsPage /> },
              { path: 'scripts/new', element: <ScriptEditorPage /> },
              { path: 'scripts/:slug', element: <ScriptDetailPage /> },
              { path: 'scripts/:slug/edit', element: <ScriptEditorPage /> },
              { path: 'practise', element: <PractisePage /> },
              { path: 'interviews/:interviewId/review', element: <ReviewPage /> },
              { path: 'interviews/:interviewId/report', element: <ReportPage /> },
            ],
          },
          { path: 'interviews/:interviewId/room', element: standalone(<RoomPage />) },
        ],
      },
      // A share link opens the replay for anyone, signed in or not.
      { path: 'replay/:token', element: standalone(<SharedReplayPage />) },
      // The link from the verification email works in any browser, signed in or not.
      { path: 'verify-email', element: standalone(<VerifyEmailPage />) },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];
