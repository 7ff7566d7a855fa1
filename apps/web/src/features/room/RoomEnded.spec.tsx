import { BOARD_CLOSE } from '@pairboard/contracts';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { initialSyncState, syncReducer } from './connection-state';
import { RoomBanner } from './RoomBanner';
import { RoomEnded } from './RoomEnded';

function ended(role: 'interviewer' | 'candidate' | 'observer') {
  render(
    <MemoryRouter>
      <RoomEnded interviewId="i1" role={role} />
    </MemoryRouter>,
  );
  return within(screen.getByRole('region', { name: 'Interview ended' }));
}

describe('The room after the end', () => {
  it('offers the interviewer the scorecard and the replay', () => {
    const region = ended('interviewer');
    expect(region.getByRole('link', { name: 'Write the scorecard' })).toHaveAttribute('href', '/interviews/i1/scorecard');
    expect(region.getByRole('link', { name: 'Watch the replay' })).toHaveAttribute('href', '/interviews/i1/review');
    expect(region.queryByRole('link', { name: 'Rate your interviewer' })).toBeNull();
  });

  it('asks the candidate to rate the interviewer and says where the scorecard will appear', () => {
    const region = ended('candidate');
    expect(region.getByRole('link', { name: 'Rate your interviewer' })).toHaveAttribute('href', '/interviews/i1/feedback');
    expect(region.getByRole('link', { name: 'Your scorecard' })).toHaveAttribute('href', '/interviews/i1/scorecard');
    expect(region.getByText(/Your scorecard will appear/)).toBeInTheDocument();
    expect(region.queryByRole('link', { name: 'Write the scorecard' })).toBeNull();
  });

  it('sends observers to the replay', () => {
    const region = ended('observer');
    expect(region.getByRole('link', { name: 'Watch the replay' })).toHaveAttribute('href', '/interviews/i1/review');
    expect(region.queryByRole('link', { name: 'Write the scorecard' })).toBeNull();
    expect(region.queryByRole('link', { name: 'Rate your interviewer' })).toBeNull();
  });

  it('explains a board refusal after the end as the read-only board, with nothing to reconnect', () => {
    const refused = syncReducer(syncReducer(initialSyncState, { type: 'synced' }), { type: 'closed', code: BOARD_CLOSE.forbidden });
    render(
      <MemoryRouter>
        <RoomBanner sync={refused} readOnly ended onReconnect={() => undefined} onSignIn={() => undefined} />
      </MemoryRouter>,
    );
    expect(screen.getByText('The interview has ended.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reconnect' })).toBeNull();
  });
});
