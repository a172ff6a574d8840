import type { FacilityInput } from './facilityInput.js';
import type { ParkingService } from './ParkingService.js';

/** Operator id of the sample facilities. */
export const SAMPLE_OPERATOR_ID = 'sample';

/** Sample facilities beside stops of the bundled Staten Island sample feed (names start with "Sample"). */
export const SAMPLE_FACILITIES: readonly FacilityInput[] = [
  {
    // Beside RICHMOND TERR/SAINT GEORGE FERRY (si:201256) and the ferry ramps.
    ownId: 'st-george',
    name: 'Sample St. George Ferry Garage',
    lat: 40.6421,
    lon: -74.0768,
    kind: 'GARAGE',
    totalSpaces: 400,
    reservableSpaces: 40,
    openingHours: '24/7',
    currency: 'USD',
    hourlyRate: 4,
    dailyMax: 20,
    accessibleSpaces: 12,
    evChargingSpaces: 8,
  },
  {
    // Beside ELTINGVILLE/TRANSIT CENTER (si:200386, si:203903).
    ownId: 'eltingville',
    name: 'Sample Eltingville Park & Ride',
    lat: 40.5617,
    lon: -74.1702,
    kind: 'PARK_AND_RIDE',
    totalSpaces: 250,
    reservableSpaces: 30,
    openingHours: 'Mo-Fr 05:00-23:00; Sa,Su 07:00-21:00',
    currency: 'USD',
    hourlyRate: 1.5,
    dailyMax: 6,
    accessibleSpaces: 8,
    evChargingSpaces: 4,
  },
  {
    // Beside ANNADALE RD/TOKEN ST (si:202918).
    ownId: 'annadale',
    name: 'Sample Annadale Surface Lot',
    lat: 40.5622,
    lon: -74.1775,
    kind: 'SURFACE_LOT',
    totalSpaces: 80,
    reservableSpaces: 10,
    openingHours: 'Mo-Fr 05:30-22:00',
    currency: 'USD',
    hourlyRate: 1,
    dailyMax: 5,
    accessibleSpaces: 4,
    evChargingSpaces: 0,
  },
  {
    // Beside STATEN ISLAND MALL AT RING RD/PLATINUM AV (si:200455).
    ownId: 'si-mall',
    name: 'Sample Staten Island Mall Lot',
    lat: 40.5805,
    lon: -74.1675,
    kind: 'SURFACE_LOT',
    totalSpaces: 600,
    reservableSpaces: 25,
    openingHours: 'Mo-Sa 08:00-22:00; Su 10:00-20:00',
    currency: 'USD',
    hourlyRate: 2,
    dailyMax: 10,
    accessibleSpaces: 20,
    evChargingSpaces: 6,
  },
];

/** Loads the sample facilities of operator "sample" when no facility exists yet; true when it did. */
export async function loadSampleParking(parking: ParkingService): Promise<boolean> {
  if ((await parking.facilityCount()) > 0) return false;
  for (const input of SAMPLE_FACILITIES) {
    await parking.upsertFacility(
      { ...input, operatorId: SAMPLE_OPERATOR_ID, timezone: 'America/New_York' },
      undefined,
    );
  }
  return true;
}
