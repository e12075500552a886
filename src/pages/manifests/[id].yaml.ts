/** Raw example manifests, so a reader can `kubectl apply -f <url>`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../data/site';

export const getStaticPaths = (async () => {
  const { manifests } = await getSiteContent();
  return manifests.map((manifest) => ({ params: { id: manifest.id }, props: { yaml: manifest.data.yaml } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(String(props.yaml), { headers: { 'Content-Type': 'application/yaml; charset=utf-8' } });
