// Distances and bearings from the focus place (great circle, as the indicators measure them),
// and the focus itself: by default the capital of the theatre the map shows.

export const EARTH_RADIUS_KM = 6371.0088;

// The country the map is drawn for (its regions are on the basemap): the default focus is its
// capital, as the knowledge base says (`capital_of`).
export const THEATRE = "ML";

// Ring radii around the focus, km: the indicators' default distance bands (0–50, 50–100,
// 100–200, 200–400 km; docs/indicators.md).
export const RING_KM = [50, 100, 200, 400];

const rad = (d) => (d * Math.PI) / 180;

// Great-circle distance in km (haversine).
export function distanceKm(lat1, lon1, lat2, lon2) {
  const a = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

// Initial bearing from the first point to the second, degrees clockwise from north, [0, 360).
export function bearingDeg(lat1, lon1, lat2, lon2) {
  const y = Math.sin(rad(lon2 - lon1)) * Math.cos(rad(lat2));
  const x = Math.cos(rad(lat1)) * Math.sin(rad(lat2)) - Math.sin(rad(lat1)) * Math.cos(rad(lat2)) * Math.cos(rad(lon2 - lon1));
  return ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
}

// The 16 compass points, clockwise from north (sector i is centred on i × 22.5°), as the
// indicators name their sectors.
export const COMPASS = ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"];

export const compassOf = (bearing) => COMPASS[Math.round(bearing / 22.5) % 16];

// Distance and compass point of (lat, lon) from the focus, or null when either is unknown.
export function fromFocus(focus, lat, lon) {
  if (!focus || lat == null || lon == null) return null;
  const km = distanceKm(focus.lat, focus.lon, lat, lon);
  return { km, bearing: bearingDeg(focus.lat, focus.lon, lat, lon), point: km < 1 ? null : compassOf(bearingDeg(focus.lat, focus.lon, lat, lon)) };
}
