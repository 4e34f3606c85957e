/** Departures by destination on a world map, drawn offline from world-atlas with d3-geo. */
import { geoCentroid, geoEqualEarth, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { useMemo } from 'react';
import { useNumbers, useT } from '../i18n/use-t.js';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';
import { numericCode } from '../lib/country-numeric.js';

/** One destination on the map. */
export interface MapDestination {
  id: string;
  country: string;
  name: string;
  planned: number;
  departed: number;
}

const world = feature(
  atlas as unknown as Topology,
  (atlas as unknown as Topology).objects.countries as GeometryCollection,
) as FeatureCollection<Geometry, { name: string }>;

/** The centroid of a country's largest polygon (so overseas territories do not pull it away). */
function mainCentroid(f: Feature<Geometry>): [number, number] {
  if (f.geometry.type !== 'MultiPolygon') return geoCentroid(f as GeoPermissibleObjects);
  const polygons = (f.geometry as MultiPolygon).coordinates.map((coordinates): Polygon => ({
    type: 'Polygon',
    coordinates,
  }));
  const ring = (p: Polygon) => p.coordinates[0]?.length ?? 0;
  const largest = polygons.reduce((a, b) => (ring(b) > ring(a) ? b : a));
  return geoCentroid(largest);
}

const width = 800;
const height = 440;

/** The map: host countries shaded, a circle per destination sized by people planned. */
export function WorldMap(props: { destinations: MapDestination[]; origin?: [number, number] }) {
  const t = useT();
  const { number } = useNumbers();
  const placed = useMemo(
    () =>
      props.destinations.map((d) => {
        const code = numericCode(d.country);
        const shape = code ? world.features.find((f) => f.id === code) : undefined;
        return { ...d, shape, at: shape ? mainCentroid(shape) : undefined };
      }),
    [props.destinations],
  );
  const projection = useMemo(() => {
    const points = placed.flatMap((d) => (d.at ? [d.at] : []));
    if (props.origin) points.push(props.origin);
    const p = geoEqualEarth();
    if (points.length >= 2)
      p.fitExtent(
        [
          [70, 50],
          [width - 70, height - 36],
        ],
        { type: 'MultiPoint', coordinates: points },
      );
    else p.fitSize([width, height], { type: 'Sphere' });
    return p;
  }, [placed, props.origin]);
  const path = geoPath(projection);
  const max = Math.max(1, ...placed.map((d) => d.planned));
  const radius = (n: number) => 4 + 18 * Math.sqrt(n / max);
  const hosts = new Set(placed.map((d) => d.shape?.id));
  const origin = props.origin ? projection(props.origin) : null;
  const missing = placed.filter((d) => !d.at);

  return (
    <figure className="map">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t('map.label', {
          count: number(placed.length),
          list: placed
            .map((d) =>
              t('map.destination', {
                name: d.name,
                planned: number(d.planned),
                departed: number(d.departed),
              }),
            )
            .join('; '),
        })}
      >
        <rect width={width} height={height} className="sea" />
        <g className="countries">
          {world.features.map((f, i) => (
            <path
              key={String(f.id ?? i)}
              d={path(f) ?? undefined}
              className={hosts.has(f.id) ? 'host' : 'land'}
            />
          ))}
        </g>
        {origin &&
          placed.map((d) => {
            const to = d.at ? projection(d.at) : null;
            return to ? (
              <line
                key={`line-${d.id}`}
                x1={origin[0]}
                y1={origin[1]}
                x2={to[0]}
                y2={to[1]}
                className="flow"
              />
            ) : null;
          })}
        {origin && <circle cx={origin[0]} cy={origin[1]} r={6} className="origin" />}
        {placed.map((d) => {
          const xy = d.at ? projection(d.at) : null;
          if (!xy) return null;
          return (
            <g key={d.id} data-destination={d.id} transform={`translate(${xy[0]},${xy[1]})`}>
              <circle r={radius(d.planned)} className="planned" />
              {d.departed > 0 && <circle r={radius(d.departed)} className="departed" />}
              <text y={-radius(d.planned) - 3} textAnchor="middle" className="label">
                {d.id} {number(d.planned)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        {t('map.caption', {
          departed: placed.some((d) => d.departed > 0) ? 'yes' : 'no',
          camp: origin ? 'yes' : 'no',
        })}
        {missing.length > 0 &&
          t('map.notDrawn', { list: missing.map((d) => d.id).join(t('list.separator')) })}
      </figcaption>
    </figure>
  );
}
