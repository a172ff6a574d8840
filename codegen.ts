import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'graphql/*.graphql',
  generates: {
    'src/api/graphql/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useIndexSignature: true,
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context.js#GraphQLContext',
        scalars: {
          DateTime: { input: 'Date', output: 'Date | string' },
          Date: 'string',
          File: 'File',
        },
        mappers: {
          Stop: '../models.js#StopModel',
          Route: '../models.js#RouteModel',
          Trip: '../models.js#TripModel',
          Departure: '../models.js#DepartureModel',
          VehiclePosition: '../../../realtime/model.js#VehicleInput',
          Alert: '../../../realtime/model.js#FeedAlert',
          Feed: '../models.js#FeedModel',
          Agency: '../models.js#AgencyModel',
          ParkingFacility: '../parkingModels.js#ParkingFacilityModel',
          ParkingReservation: '../parkingModels.js#ParkingReservationModel',
          IgnoredParkingReport: '../parkingModels.js#IgnoredParkingReportModel',
          Plan: '../../../planner/itinerary.js#PlanResult',
          Itinerary: '../models.js#ItineraryModel',
          Leg: '../journeyModels.js#JourneyLegModel',
          LegParking: '../journeyModels.js#LegParkingModel',
          Journey: '../journeyModels.js#JourneyModel',
          JourneyTotals: '../journeyModels.js#JourneyModel',
          JourneyPass: '../../../pass/index.js#IssuedPass',
          Place: '../../../planner/query.js#PlacePoint',
          IntermediateStop: '../models.js#IntermediateStopModel',
        },
      },
    },
  },
};

export default config;
