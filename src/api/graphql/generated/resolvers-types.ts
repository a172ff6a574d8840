import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { StopModel, RouteModel, TripModel, DepartureModel, FeedModel, AgencyModel, ItineraryModel, LegModel, IntermediateStopModel } from '../models.js';
import type { PlanResult } from '../../../planner/itinerary.js';
import type { PlacePoint } from '../../../planner/query.js';
import type { GraphQLContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, `YYYY-MM-DD`. */
  Date: { input: string; output: string; }
  /** An instant, ISO-8601 with an offset, e.g. `2026-12-01T08:00:00-05:00`. Inputs without an offset are rejected. */
  DateTime: { input: Date; output: Date | string; }
  /** A file sent with a GraphQL multipart request. */
  File: { input: File; output: File; }
};

/** A transit agency of a feed (agency.txt). */
export type Agency = {
  __typename?: 'Agency';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  timezone: Scalars['String']['output'];
  url?: Maybe<Scalars['String']['output']>;
};

/** One departure of a vehicle from a stop. */
export type Departure = {
  __typename?: 'Departure';
  delaySeconds?: Maybe<Scalars['Int']['output']>;
  headsign?: Maybe<Scalars['String']['output']>;
  realtimeArrival?: Maybe<Scalars['DateTime']['output']>;
  /** Live departure; null without realtime. */
  realtimeDeparture?: Maybe<Scalars['DateTime']['output']>;
  realtimeState?: Maybe<RealtimeState>;
  route: Route;
  scheduledArrival: Scalars['DateTime']['output'];
  scheduledDeparture: Scalars['DateTime']['output'];
  /** GTFS service day the trip belongs to. */
  serviceDate: Scalars['Date']['output'];
  /** The platform the vehicle leaves from. */
  stop: Stop;
  trip: Trip;
};

/** A GTFS feed being served. */
export type Feed = {
  __typename?: 'Feed';
  agencies: Array<Agency>;
  /** The feed's first agency. */
  agency?: Maybe<Agency>;
  counts: FeedCounts;
  /** Last day with service. */
  endDate?: Maybe<Scalars['Date']['output']>;
  id: Scalars['ID']['output'];
  importedAt: Scalars['DateTime']['output'];
  /** First day with service (feed_info.txt, else the calendars). */
  startDate?: Maybe<Scalars['Date']['output']>;
  timezone: Scalars['String']['output'];
  version?: Maybe<Scalars['String']['output']>;
};

export type FeedCounts = {
  __typename?: 'FeedCounts';
  routes: Scalars['Int']['output'];
  stopTimes: Scalars['Int']['output'];
  stops: Scalars['Int']['output'];
  trips: Scalars['Int']['output'];
};

export type ImportFeedInput = {
  /** Feed id, letters, digits, '-' and '_' (e.g. `si`). */
  feedId: Scalars['ID']['input'];
  /** A GTFS zip. */
  file: Scalars['File']['input'];
};

export type ImportFeedPayload = {
  __typename?: 'ImportFeedPayload';
  feed: Feed;
};

export type IntermediateStop = {
  __typename?: 'IntermediateStop';
  arrival: Scalars['DateTime']['output'];
  departure: Scalars['DateTime']['output'];
  stop: Stop;
};

/** One way from origin to destination. */
export type Itinerary = {
  __typename?: 'Itinerary';
  arrival: Scalars['DateTime']['output'];
  departure: Scalars['DateTime']['output'];
  durationSeconds: Scalars['Int']['output'];
  /** Opaque id; can be booked for a limited time (see bookJourney). */
  id: Scalars['ID']['output'];
  legs: Array<Leg>;
  transfers: Scalars['Int']['output'];
  walkMeters: Scalars['Int']['output'];
};

/** A point in WGS84 degrees. */
export type LatLonInput = {
  lat: Scalars['Float']['input'];
  lon: Scalars['Float']['input'];
};

/** A leg of an itinerary. Transit legs carry route, trip and stops; times are the best known (live where there is realtime). */
export type Leg = {
  __typename?: 'Leg';
  arrival: Scalars['DateTime']['output'];
  delaySeconds?: Maybe<Scalars['Int']['output']>;
  departure: Scalars['DateTime']['output'];
  distanceMeters: Scalars['Int']['output'];
  durationSeconds: Scalars['Int']['output'];
  from: Place;
  /** Encoded polyline (precision 5) along the shape where the feed has one, else straight segments. */
  geometry: Scalars['String']['output'];
  intermediateStops: Array<IntermediateStop>;
  mode: LegMode;
  /** True when the times come from realtime data. */
  realtime: Scalars['Boolean']['output'];
  route?: Maybe<Route>;
  scheduledArrival?: Maybe<Scalars['DateTime']['output']>;
  /** Timetable times of a transit leg. */
  scheduledDeparture?: Maybe<Scalars['DateTime']['output']>;
  to: Place;
  trip?: Maybe<Trip>;
};

export type LegMode =
  | 'BUS'
  | 'CABLE_CAR'
  | 'CAR'
  | 'FERRY'
  | 'FUNICULAR'
  | 'GONDOLA'
  | 'MONORAIL'
  | 'PARK'
  | 'RAIL'
  | 'SUBWAY'
  | 'TRAM'
  | 'TROLLEYBUS'
  | 'WALK';

export type Mutation = {
  __typename?: 'Mutation';
  _noop?: Maybe<Scalars['Boolean']['output']>;
  /** Imports a new version of a feed (agency key for that feed, or admin). The old version serves until the swap. */
  importFeed: ImportFeedPayload;
};


export type MutationImportFeedArgs = {
  input: ImportFeedInput;
};

/** Relay pagination info. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** A point of an itinerary; `stop` is null where there is none. */
export type Place = {
  __typename?: 'Place';
  lat: Scalars['Float']['output'];
  lon: Scalars['Float']['output'];
  name?: Maybe<Scalars['String']['output']>;
  stop?: Maybe<Stop>;
};

/** An origin or destination: coordinates, or a stop id (`{ stopId: "si:200001" }`). */
export type PlaceInput = {
  lat?: InputMaybe<Scalars['Float']['input']>;
  lon?: InputMaybe<Scalars['Float']['input']>;
  stopId?: InputMaybe<Scalars['ID']['input']>;
};

export type Plan = {
  __typename?: 'Plan';
  itineraries: Array<Itinerary>;
  /** Set when there are no itineraries, saying why. */
  messages: Array<PlanMessage>;
};

/**
 * A trip planning request. Exactly one of `departAt` and `arriveBy`. Defaults: walkSpeed 1.3 m/s,
 * maxWalkMeters 1000, maxTransfers 6, numItineraries 3 (at most 10), transitModes all,
 * transferSlack 60 s.
 */
export type PlanInput = {
  arriveBy?: InputMaybe<Scalars['DateTime']['input']>;
  departAt?: InputMaybe<Scalars['DateTime']['input']>;
  from: PlaceInput;
  /** Most changes of vehicle (0–10); default 6. */
  maxTransfers?: InputMaybe<Scalars['Int']['input']>;
  /** Longest access, egress or direct walk, metres (0–5000); default 1000. */
  maxWalkMeters?: InputMaybe<Scalars['Int']['input']>;
  /** Itineraries wanted (1–10); default 3. */
  numItineraries?: InputMaybe<Scalars['Int']['input']>;
  to: PlaceInput;
  /** Seconds added to every change of vehicle (0–3600); default 60. */
  transferSlack?: InputMaybe<Scalars['Int']['input']>;
  /** Transit modes allowed; default all. */
  transitModes?: InputMaybe<Array<TransitMode>>;
  /** Walking speed, m/s (0.1–10); default 1.3. */
  walkSpeed?: InputMaybe<Scalars['Float']['input']>;
};

/** Why a plan has no itineraries. */
export type PlanMessage = {
  __typename?: 'PlanMessage';
  code: PlanMessageCode;
  text: Scalars['String']['output'];
};

export type PlanMessageCode =
  | 'NO_SERVICE_ON_DATE'
  | 'NO_TRANSIT_CONNECTION'
  | 'OUTSIDE_SERVICE_AREA'
  | 'SAME_ORIGIN_AND_DESTINATION';

export type Query = {
  __typename?: 'Query';
  /**
   * The next departures from a stop, or from every platform of a station, at or after `after`
   * (default now), in time order. `first` at most 100.
   */
  departures: Array<Departure>;
  /** Feeds being served. */
  feeds: Array<Feed>;
  /** Liveness of the API (always true when it answers). */
  ok: Scalars['Boolean']['output'];
  /** Plans itineraries from a place to another (DESIGN.md §4). */
  plan: Plan;
  route?: Maybe<Route>;
  /** Routes of one feed, or of all. */
  routes: Array<Route>;
  stop?: Maybe<Stop>;
  /** Stops whose name contains `text`, ignoring case and accents. */
  stopSearch: Array<Stop>;
  /** Stops and stations within `radiusMeters` (default 500, at most 5000) of a point, nearest first. */
  stops: Array<Stop>;
};


export type QueryDeparturesArgs = {
  after?: InputMaybe<Scalars['DateTime']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  stopId: Scalars['ID']['input'];
};


export type QueryPlanArgs = {
  input: PlanInput;
};


export type QueryRouteArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRoutesArgs = {
  feedId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryStopArgs = {
  id: Scalars['ID']['input'];
};


export type QueryStopSearchArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  text: Scalars['String']['input'];
};


export type QueryStopsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  near: LatLonInput;
  radiusMeters?: InputMaybe<Scalars['Int']['input']>;
};

/** State of the realtime information of a departure. */
export type RealtimeState =
  | 'CANCELED'
  | 'SCHEDULED'
  | 'SKIPPED'
  | 'UPDATED';

/** A route of routes.txt. */
export type Route = {
  __typename?: 'Route';
  agencyName?: Maybe<Scalars['String']['output']>;
  /** Hex colour without '#', as in the feed. */
  color?: Maybe<Scalars['String']['output']>;
  feedId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  longName?: Maybe<Scalars['String']['output']>;
  mode: TransitMode;
  shortName?: Maybe<Scalars['String']['output']>;
  textColor?: Maybe<Scalars['String']['output']>;
  /** The GTFS route_type. */
  type: Scalars['Int']['output'];
};

/** A stop, platform or station. Ids are feed-scoped: `<feedId>:<stop_id>`. */
export type Stop = {
  __typename?: 'Stop';
  /** Distance from the point of a `stops(near:)` query, metres; null elsewhere. */
  distanceMeters?: Maybe<Scalars['Int']['output']>;
  feedId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  lat: Scalars['Float']['output'];
  /** GTFS location_type: 0 stop or platform, 1 station, 2 entrance, 3 node, 4 boarding area. */
  locationType: Scalars['Int']['output'];
  lon: Scalars['Float']['output'];
  name: Scalars['String']['output'];
  parentStation?: Maybe<Stop>;
  platformCode?: Maybe<Scalars['String']['output']>;
  /** Child platforms of a station (empty for a plain stop). */
  platforms: Array<Stop>;
  /** Routes that call here (at any platform of a station). */
  routes: Array<Route>;
};

export type Subscription = {
  __typename?: 'Subscription';
  _noop?: Maybe<Scalars['Boolean']['output']>;
};

/** Transit modes, from the GTFS route type. */
export type TransitMode =
  | 'BUS'
  | 'CABLE_CAR'
  | 'FERRY'
  | 'FUNICULAR'
  | 'GONDOLA'
  | 'MONORAIL'
  | 'RAIL'
  | 'SUBWAY'
  | 'TRAM'
  | 'TROLLEYBUS';

/** A trip of trips.txt. */
export type Trip = {
  __typename?: 'Trip';
  headsign?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  route: Route;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Agency: ResolverTypeWrapper<AgencyModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Departure: ResolverTypeWrapper<DepartureModel>;
  Feed: ResolverTypeWrapper<FeedModel>;
  FeedCounts: ResolverTypeWrapper<FeedCounts>;
  File: ResolverTypeWrapper<Scalars['File']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ImportFeedInput: ImportFeedInput;
  ImportFeedPayload: ResolverTypeWrapper<Omit<ImportFeedPayload, 'feed'> & { feed: ResolversTypes['Feed'] }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  IntermediateStop: ResolverTypeWrapper<IntermediateStopModel>;
  Itinerary: ResolverTypeWrapper<ItineraryModel>;
  LatLonInput: LatLonInput;
  Leg: ResolverTypeWrapper<LegModel>;
  LegMode: LegMode;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Place: ResolverTypeWrapper<PlacePoint>;
  PlaceInput: PlaceInput;
  Plan: ResolverTypeWrapper<PlanResult>;
  PlanInput: PlanInput;
  PlanMessage: ResolverTypeWrapper<PlanMessage>;
  PlanMessageCode: PlanMessageCode;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RealtimeState: RealtimeState;
  Route: ResolverTypeWrapper<RouteModel>;
  Stop: ResolverTypeWrapper<StopModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TransitMode: TransitMode;
  Trip: ResolverTypeWrapper<TripModel>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Agency: AgencyModel;
  Boolean: Scalars['Boolean']['output'];
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Departure: DepartureModel;
  Feed: FeedModel;
  FeedCounts: FeedCounts;
  File: Scalars['File']['output'];
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  ImportFeedInput: ImportFeedInput;
  ImportFeedPayload: Omit<ImportFeedPayload, 'feed'> & { feed: ResolversParentTypes['Feed'] };
  Int: Scalars['Int']['output'];
  IntermediateStop: IntermediateStopModel;
  Itinerary: ItineraryModel;
  LatLonInput: LatLonInput;
  Leg: LegModel;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Place: PlacePoint;
  PlaceInput: PlaceInput;
  Plan: PlanResult;
  PlanInput: PlanInput;
  PlanMessage: PlanMessage;
  Query: Record<PropertyKey, never>;
  Route: RouteModel;
  Stop: StopModel;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  Trip: TripModel;
}>;

export type AgencyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Agency'] = ResolversParentTypes['Agency']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timezone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DepartureResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Departure'] = ResolversParentTypes['Departure']> = ResolversObject<{
  delaySeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  headsign?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  realtimeArrival?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  realtimeDeparture?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  realtimeState?: Resolver<Maybe<ResolversTypes['RealtimeState']>, ParentType, ContextType>;
  route?: Resolver<ResolversTypes['Route'], ParentType, ContextType>;
  scheduledArrival?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  scheduledDeparture?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  serviceDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  stop?: Resolver<ResolversTypes['Stop'], ParentType, ContextType>;
  trip?: Resolver<ResolversTypes['Trip'], ParentType, ContextType>;
}>;

export type FeedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Feed'] = ResolversParentTypes['Feed']> = ResolversObject<{
  agencies?: Resolver<Array<ResolversTypes['Agency']>, ParentType, ContextType>;
  agency?: Resolver<Maybe<ResolversTypes['Agency']>, ParentType, ContextType>;
  counts?: Resolver<ResolversTypes['FeedCounts'], ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  importedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  startDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  timezone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type FeedCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FeedCounts'] = ResolversParentTypes['FeedCounts']> = ResolversObject<{
  routes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stopTimes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stops?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  trips?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export interface FileScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['File'], any> {
  name: 'File';
}

export type ImportFeedPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ImportFeedPayload'] = ResolversParentTypes['ImportFeedPayload']> = ResolversObject<{
  feed?: Resolver<ResolversTypes['Feed'], ParentType, ContextType>;
}>;

export type IntermediateStopResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IntermediateStop'] = ResolversParentTypes['IntermediateStop']> = ResolversObject<{
  arrival?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  departure?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  stop?: Resolver<ResolversTypes['Stop'], ParentType, ContextType>;
}>;

export type ItineraryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Itinerary'] = ResolversParentTypes['Itinerary']> = ResolversObject<{
  arrival?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  departure?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  durationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  legs?: Resolver<Array<ResolversTypes['Leg']>, ParentType, ContextType>;
  transfers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  walkMeters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type LegResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Leg'] = ResolversParentTypes['Leg']> = ResolversObject<{
  arrival?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  delaySeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  departure?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  distanceMeters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  durationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Place'], ParentType, ContextType>;
  geometry?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  intermediateStops?: Resolver<Array<ResolversTypes['IntermediateStop']>, ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['LegMode'], ParentType, ContextType>;
  realtime?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  route?: Resolver<Maybe<ResolversTypes['Route']>, ParentType, ContextType>;
  scheduledArrival?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  scheduledDeparture?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Place'], ParentType, ContextType>;
  trip?: Resolver<Maybe<ResolversTypes['Trip']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  _noop?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  importFeed?: Resolver<ResolversTypes['ImportFeedPayload'], ParentType, ContextType, RequireFields<MutationImportFeedArgs, 'input'>>;
}>;

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PlaceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Place'] = ResolversParentTypes['Place']> = ResolversObject<{
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lon?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  stop?: Resolver<Maybe<ResolversTypes['Stop']>, ParentType, ContextType>;
}>;

export type PlanResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Plan'] = ResolversParentTypes['Plan']> = ResolversObject<{
  itineraries?: Resolver<Array<ResolversTypes['Itinerary']>, ParentType, ContextType>;
  messages?: Resolver<Array<ResolversTypes['PlanMessage']>, ParentType, ContextType>;
}>;

export type PlanMessageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PlanMessage'] = ResolversParentTypes['PlanMessage']> = ResolversObject<{
  code?: Resolver<ResolversTypes['PlanMessageCode'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  departures?: Resolver<Array<ResolversTypes['Departure']>, ParentType, ContextType, RequireFields<QueryDeparturesArgs, 'first' | 'stopId'>>;
  feeds?: Resolver<Array<ResolversTypes['Feed']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType, RequireFields<QueryPlanArgs, 'input'>>;
  route?: Resolver<Maybe<ResolversTypes['Route']>, ParentType, ContextType, RequireFields<QueryRouteArgs, 'id'>>;
  routes?: Resolver<Array<ResolversTypes['Route']>, ParentType, ContextType, Partial<QueryRoutesArgs>>;
  stop?: Resolver<Maybe<ResolversTypes['Stop']>, ParentType, ContextType, RequireFields<QueryStopArgs, 'id'>>;
  stopSearch?: Resolver<Array<ResolversTypes['Stop']>, ParentType, ContextType, RequireFields<QueryStopSearchArgs, 'first' | 'text'>>;
  stops?: Resolver<Array<ResolversTypes['Stop']>, ParentType, ContextType, RequireFields<QueryStopsArgs, 'first' | 'near' | 'radiusMeters'>>;
}>;

export type RouteResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Route'] = ResolversParentTypes['Route']> = ResolversObject<{
  agencyName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  color?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  feedId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  longName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['TransitMode'], ParentType, ContextType>;
  shortName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  textColor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type StopResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Stop'] = ResolversParentTypes['Stop']> = ResolversObject<{
  distanceMeters?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  feedId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  locationType?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lon?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parentStation?: Resolver<Maybe<ResolversTypes['Stop']>, ParentType, ContextType>;
  platformCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  platforms?: Resolver<Array<ResolversTypes['Stop']>, ParentType, ContextType>;
  routes?: Resolver<Array<ResolversTypes['Route']>, ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  _noop?: SubscriptionResolver<Maybe<ResolversTypes['Boolean']>, "_noop", ParentType, ContextType>;
}>;

export type TripResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Trip'] = ResolversParentTypes['Trip']> = ResolversObject<{
  headsign?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  route?: Resolver<ResolversTypes['Route'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = GraphQLContext> = ResolversObject<{
  Agency?: AgencyResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Departure?: DepartureResolvers<ContextType>;
  Feed?: FeedResolvers<ContextType>;
  FeedCounts?: FeedCountsResolvers<ContextType>;
  File?: GraphQLScalarType;
  ImportFeedPayload?: ImportFeedPayloadResolvers<ContextType>;
  IntermediateStop?: IntermediateStopResolvers<ContextType>;
  Itinerary?: ItineraryResolvers<ContextType>;
  Leg?: LegResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Place?: PlaceResolvers<ContextType>;
  Plan?: PlanResolvers<ContextType>;
  PlanMessage?: PlanMessageResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Route?: RouteResolvers<ContextType>;
  Stop?: StopResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Trip?: TripResolvers<ContextType>;
}>;

