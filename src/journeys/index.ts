/** Journeys (DESIGN.md §6): the one entry point other folders import. */
export {
  compactItinerary,
  compactParkLeg,
  isCompactRide,
  type CompactItinerary,
  type CompactLeg,
  type CompactRide,
} from './compactItinerary.js';
export type { GateJourney, GateJourneyPort, GateJourneyPortAsync } from './gateJourneys.js';
export { followJourney, type FollowedJourney, type JourneyLeg } from './followJourney.js';
export { ITINERARY_KEY_PURPOSE, ItineraryTokens } from './itineraryToken.js';
export {
  JourneyService,
  statusAt,
  withItinerary,
  type BookedJourney,
  type JourneyDeps,
  type JourneyPage,
  type JourneyReader,
} from './JourneyService.js';
export type { Journey, JourneyPageAfter } from './records.js';
export type { JourneyRepository } from './repository.js';
export { pgGateJourneys } from './repo/pgGateJourneys.js';
export { pgJourneyRepository } from './repo/pgJourneyRepository.js';
export { sqliteGateJourneys } from './repo/sqliteGateJourneys.js';
export { sqliteJourneyRepository } from './repo/sqliteJourneyRepository.js';
export type { JourneyStatus } from './status.js';
export { liveJourney, liveStatus, type LiveInputs, type LiveJourney } from './liveJourney.js';
export { flowLiveTimes } from './flowLiveTimes.js';
export { joinWayOn, wayOnPoint, type WayOnPoint } from './wayOn.js';
