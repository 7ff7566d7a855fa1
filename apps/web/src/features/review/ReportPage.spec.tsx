import { render, screen } from '@testing-library/react';
import { ScorecardSummary } from './ReportPage';

describe('session report', () => {
  it('shows the scorecard with the rubric’s dimension names and the recommendation’s label', () => {
    const { container } = render(<ScorecardSummary scorecard={{ scores: { 'data-api': 3, 'high-level-design': 2 }, recommendation: 'strong_yes', feedback: '' }} />);
    expect(screen.getByText('Data modelling & API')).toBeInTheDocument();
    expect(screen.getByText('High-level design')).toBeInTheDocument();
    expect(screen.getByText('Strong yes')).toBeInTheDocument();
    expect(container.textContent).not.toMatch(/data-api|high-level-design|strong yes|strong_yes/);
  });
});
