// Temporary until the map lands: the network as a list. (Replaced by the map page.)
import { loadGraph } from '@/lib/data/graph';
import { currentPrincipal } from '@/lib/auth/current-principal';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const graph = await loadGraph(await currentPrincipal());
  return (
    <div className="page">
      <h1>Powermap</h1>
      <p>{graph.nodes.length} actors, {graph.edges.length} ties.</p>
    </div>
  );
}
