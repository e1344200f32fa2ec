import { api } from '../../api.ts';
import { ApiState } from '../../ApiState.tsx';
import { useApi } from '../../useApi.ts';
import { DueForecast } from './DueForecast.tsx';
import { ReviewHeatmap } from './ReviewHeatmap.tsx';
import { percent } from './card-text.ts';

export function CardStatsPanel() {
  const [stats] = useApi((signal) => api.cardStats({}, { signal }), []);
  if (stats.state !== 'ok') return <ApiState value={stats} loading="Reading the review log…" failed="Could not read the review statistics" />;
  const { heatmap, retention, forecast, reviewsToday } = stats.value;
  const dueSoon = forecast.reduce((n, d) => n + d.count, 0);
  return (
    <section className="card-stats" aria-labelledby="card-stats-heading">
      <h2 id="card-stats-heading">Statistics</h2>
      <dl className="stat-tiles">
        <div>
          <dt>Reviews today</dt>
          <dd>{reviewsToday}</dd>
        </div>
        <div>
          <dt>Retention</dt>
          <dd>{percent(retention.rate)}</dd>
          <dd className="stat-note">
            {retention.reviews ? `${retention.retained} of ${retention.reviews} repeat reviews not rated Again` : 'after a card is seen twice'}
          </dd>
        </div>
        <div>
          <dt>Due in 30 days</dt>
          <dd>{dueSoon}</dd>
        </div>
      </dl>
      <h3>Reviews, last 365 days</h3>
      <ReviewHeatmap days={heatmap} />
      <h3>Due forecast, next 30 days</h3>
      <DueForecast days={forecast} />
    </section>
  );
}
