import type { Resolvers } from '../generated/resolvers-types.js';
import { DateScalar, DateTimeScalar } from '../scalars.js';
import { importFeed } from './Mutation/importFeed.js';
import { departures } from './Query/departures.js';
import { feeds } from './Query/feeds.js';
import { plan } from './Query/plan.js';
import { route } from './Query/route.js';
import { routes } from './Query/routes.js';
import { stop } from './Query/stop.js';
import { stopSearch } from './Query/stopSearch.js';
import { stops } from './Query/stops.js';
import { Departure } from './types/Departure.js';
import { Alert, VehiclePosition } from './types/Realtime.js';
import { alerts } from './Query/alerts.js';
import { alertsUpdated } from './Subscription/alertsUpdated.js';
import { departuresUpdated } from './Subscription/departuresUpdated.js';
import { Agency, Feed } from './types/Feed.js';
import { Route } from './types/Route.js';
import { Stop } from './types/Stop.js';
import { Trip } from './types/Trip.js';
import { IntermediateStop, Itinerary, Leg, Place } from './types/Itinerary.js';
import { LegParking } from './types/LegParking.js';
import { cancelParkingReservation } from './Mutation/cancelParkingReservation.js';
import { confirmParkingReservation } from './Mutation/confirmParkingReservation.js';
import { reportParkingAvailability } from './Mutation/reportParkingAvailability.js';
import { reserveParking } from './Mutation/reserveParking.js';
import { upsertParkingFacility } from './Mutation/upsertParkingFacility.js';
import { myParkingReservations } from './Query/myParkingReservations.js';
import { operatorReservations } from './Query/operatorReservations.js';
import { parkingFacilities } from './Query/parkingFacilities.js';
import { parkingFacility } from './Query/parkingFacility.js';
import { ParkingFacility } from './types/ParkingFacility.js';
import { IgnoredParkingReport, ParkingReservation } from './types/ParkingReservation.js';
import { bookJourney } from './Mutation/bookJourney.js';
import { cancelJourney } from './Mutation/cancelJourney.js';
import { rebookJourney } from './Mutation/rebookJourney.js';
import { journey } from './Query/journey.js';
import { myJourneys } from './Query/myJourneys.js';
import { journeyUpdated } from './Subscription/journeyUpdated.js';
import { checkInParking } from './Mutation/checkInParking.js';
import { checkOutParking } from './Mutation/checkOutParking.js';
import {
  JourneyPass,
  JourneyPassFields,
  JourneyTotalsGateFields,
  ParkingReservationGateFields,
} from './types/JourneyPass.js';
import {
  Journey,
  JourneyTotals,
  LegJourneyFields,
  LegParkingJourneyFields,
} from './types/Journey.js';

/** Every resolver of the schema in `graphql/*.graphql`. */
export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  Query: {
    ok: () => true,
    feeds,
    stop,
    stops,
    stopSearch,
    route,
    routes,
    departures,
    alerts,
    parkingFacilities,
    parkingFacility,
    myParkingReservations,
    operatorReservations,
    plan,
    journey,
    myJourneys,
  },
  Mutation: {
    importFeed,
    upsertParkingFacility,
    reportParkingAvailability,
    reserveParking,
    confirmParkingReservation,
    cancelParkingReservation,
    bookJourney,
    cancelJourney,
    checkInParking,
    checkOutParking,
    rebookJourney,
  },
  Stop,
  Route,
  Trip,
  Subscription: { departuresUpdated, alertsUpdated, journeyUpdated },
  Departure,
  VehiclePosition,
  Alert,
  Feed,
  Agency,
  ParkingFacility,
  ParkingReservation: { ...ParkingReservation, ...ParkingReservationGateFields },
  IgnoredParkingReport,
  Itinerary,
  Leg: { ...Leg, ...LegJourneyFields },
  Place,
  IntermediateStop,
  LegParking: { ...LegParking, ...LegParkingJourneyFields },
  Journey: { ...Journey, ...JourneyPassFields },
  JourneyTotals: { ...JourneyTotals, ...JourneyTotalsGateFields },
  JourneyPass,
};
