/**
 * The scenario file format, defined once. TypeBox turns this definition into the TypeScript types
 * (`ScenarioFile`), the published JSON Schema (scenarios/scenario.schema.json) and the structure
 * that `validate.ts` walks to check a file. Units are in the field names (MW, MWh, °C, h) or, for
 * hourly series, in a `unit` field that must match; timestamps carry their UTC offset.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CONTROL_CHARACTERS } from '../problems.ts';
import { AREA_KINDS, CUSTOMER_CLASS_IDS, MEASURES, UNIT_TYPES } from './classes.ts';

export const SCENARIO_FORMAT = 'orderly-scenario/1';

/** A string that must be one of a list; compact `enum` in JSON Schema, a union type in TypeScript. */
function StringEnum<const T extends readonly string[]>(values: T, title: string) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], title });
}

export const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.:-]*$';
const Id = (title: string) =>
  Type.String({ title, minLength: 1, maxLength: 64, pattern: ID_PATTERN });

/**
 * Free text (names, descriptions, reasons): anything but control characters, so that a name can
 * never clear a dispatcher's terminal or reverse how a line reads (CONTROL_CHARACTERS).
 */
export const TEXT_PATTERN = `^[^${CONTROL_CHARACTERS}]*$`;
const TEXT = { pattern: TEXT_PATTERN, description: 'text without control characters' } as const;
const Text = (options: { title?: string; minLength?: number; maxLength?: number } = {}) => Type.String({ ...options, ...TEXT });

const Name = Text({ title: 'name', minLength: 1, maxLength: 200 });

export const TIMESTAMP_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2})$';
const Timestamp = (title: string) =>
  Type.String({
    title,
    pattern: TIMESTAMP_PATTERN,
    description: 'ISO 8601 local time with its UTC offset, e.g. 2024-07-01T02:00+08:00',
  });

const DateText = (title: string) =>
  Type.String({ title, pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a local date YYYY-MM-DD' });

const MW = (title: string, options: { min?: number; exclusiveMin?: number } = {}) =>
  Type.Number({
    title,
    ...(options.exclusiveMin !== undefined ? { exclusiveMinimum: options.exclusiveMin } : { minimum: options.min ?? 0 }),
  });

const Share = (title: string) => Type.Number({ title, minimum: 0, maximum: 1 });

/** Hourly values from `start`, one per hour. `null` marks a missing hour, which validation reports. */
function HourlySeries<const U extends string>(unit: U, title: string) {
  return Type.Object(
    {
      start: Timestamp('series start'),
      unit: Type.Literal(unit, { title: `unit (${unit})` }),
      values: Type.Array(Type.Union([Type.Number(), Type.Null()]), { title: `hourly values in ${unit}` }),
    },
    { title, additionalProperties: false },
  );
}

const Hours24 = (title: string) =>
  Type.Array(Type.Number({ minimum: 0 }), { title, minItems: 24, maxItems: 24 });

/**
 * A window of local hours "HH-HH", start inclusive, end exclusive: "18-22" is 18:00–22:00; a start
 * after the end wraps past midnight ("22-06"). Written as text because that is how dispatch and
 * the notices write it (Shantou 2021: 09–12, 14–17, 18–21).
 */
export const WINDOW_PATTERN = '^([01]\\d|2[0-3])-([01]\\d|2[0-4])$';
const Window = Type.String({ title: 'window of local hours', pattern: WINDOW_PATTERN, description: 'a window of local hours "HH-HH" such as "18-22" (a start after the end wraps past midnight: "22-06")' });

const Area = Type.Object(
  {
    id: Id('area id'),
    name: Name,
    nameZh: Type.Optional(Text()),
    kind: StringEnum(AREA_KINDS, 'area kind'),
    parent: Type.Union([Id('parent area id'), Type.Null()], { title: 'parent area id or null for the root' }),
    importLimitMW: Type.Optional(MW('import limit (MW)')),
    importLimit: Type.Optional(HourlySeries('MW', 'hourly import limit')),
    weatherStation: Type.Optional(Id('weather station id')),
    historicalMaxMW: Type.Optional(MW('historical maximum load (MW)', { exclusiveMin: 0 })),
    /**
     * Where the area is drawn on the page's schematic map: km east and north of any origin the
     * scenario chooses (a utility's own grid, or longitude and latitude projected). Optional: the
     * map draws the areas that have one.
     */
    position: Type.Optional(Type.Object({
      xKm: Type.Number({ title: 'km east', minimum: -20_000, maximum: 20_000 }),
      yKm: Type.Number({ title: 'km north', minimum: -20_000, maximum: 20_000 }),
    }, { title: 'schematic position', additionalProperties: false })),
  },
  { title: 'area', additionalProperties: false },
);

const Feeder = Type.Object(
  {
    id: Id('feeder id'),
    name: Type.Optional(Name),
    substation: Id('substation id'),
    voltageKV: Type.Optional(Type.Number({ title: 'voltage (kV)', exclusiveMinimum: 0 })),
    ratingMW: MW('rating (MW)', { exclusiveMin: 0 }),
    servesProtected: Type.Boolean({ title: 'serves a protected customer' }),
    residentialShare: Share('residential share of the feeder load'),
    uflsRound: Type.Optional(Type.Integer({ title: 'under-frequency load-shedding round (0: not armed)', minimum: 0, maximum: 9 })),
  },
  { title: 'feeder', additionalProperties: false },
);

const Profile = Type.Object(
  {
    id: Id('profile id'),
    name: Name,
    weekday: Hours24('weekday shape (share of peak per local hour)'),
    weekend: Hours24('weekend shape'),
    holiday: Type.Optional(Hours24('holiday shape')),
    cooling: Type.Optional(
      Type.Object(
        { baseC: Type.Number({ title: 'cooling base (°C)' }), perC: Hours24('cooling share of peak per °C above base, per hour') },
        { additionalProperties: false },
      ),
    ),
    heating: Type.Optional(
      Type.Object(
        { baseC: Type.Number({ title: 'heating base (°C)' }), perC: Hours24('heating share of peak per °C below base, per hour') },
        { additionalProperties: false },
      ),
    ),
  },
  { title: 'load profile', additionalProperties: false },
);

const Measures = Type.Object(
  {
    demandResponse: Type.Optional(
      Type.Object(
        { maxMW: MW('demand-response capacity (MW)', { exclusiveMin: 0 }), pricePerMWh: Type.Number({ title: 'price per MWh', minimum: 0 }) },
        { additionalProperties: false },
      ),
    ),
    shift: Type.Optional(
      Type.Object(
        {
          maxMW: MW('shiftable load (MW)', { exclusiveMin: 0 }),
          returnWindows: Type.Array(Window, { title: 'hours the shifted energy comes back', minItems: 1 }),
          paybackShare: Type.Number({ title: 'share of shifted energy that comes back', minimum: 0, maximum: 2 }),
        },
        { additionalProperties: false },
      ),
    ),
    avoidPeak: Type.Optional(
      Type.Object(
        {
          maxMW: MW('load that can avoid the peak (MW)', { exclusiveMin: 0 }),
          windows: Type.Array(Window, { title: 'peak windows the customer can stay out of', minItems: 1 }),
        },
        { additionalProperties: false },
      ),
    ),
    limit: Type.Optional(
      Type.Object({ capMW: MW('load cap when limited (MW)') }, { additionalProperties: false }),
    ),
  },
  { title: 'accepted measures', additionalProperties: false },
);

/**
 * Who is called when a notice goes out (联系人): optional, since a plan can be made without it;
 * the notices list says where it is missing. A phone number is digits with the usual separators.
 */
const Contact = Type.Object(
  {
    name: Type.Optional(Text({ title: 'contact person (联系人)', minLength: 1, maxLength: 100 })),
    phone: Type.Optional(Type.String({ title: 'contact phone', pattern: '^\\+?[0-9][0-9 ()-]{2,31}$', description: 'digits, spaces, brackets and dashes, an optional leading +' })),
  },
  { title: 'contact for notices', additionalProperties: false },
);

const Customer = Type.Object(
  {
    id: Id('customer id'),
    name: Name,
    feeder: Id('feeder id'),
    class: StringEnum(CUSTOMER_CLASS_IDS, 'customer class'),
    accounts: Type.Optional(Type.Integer({ title: 'metered accounts represented', minimum: 1 })),
    peakMW: MW('peak load (MW)', { exclusiveMin: 0 }),
    profile: Id('profile id'),
    securityFloorMW: MW('security load floor (MW)'),
    control: StringEnum(['terminal', 'manual'] as const, 'control (terminal or manual)'),
    responseMinutes: Type.Number({ title: 'response time (minutes)', minimum: 0 }),
    noticeHours: Type.Optional(Type.Number({ title: 'notice needed (h)', minimum: 0 })),
    maxHoursPerDay: Type.Optional(Type.Integer({ title: 'maximum curtailed hours per day (whole hours)', minimum: 0, maximum: 24 })),
    costPerMWh: Type.Number({ title: 'economic cost per MWh curtailed', minimum: 0 }),
    keyEnterprise: Type.Optional(Type.Boolean({ title: 'whitelisted key enterprise' })),
    measures: Type.Optional(Measures),
    contact: Type.Optional(Contact),
  },
  { title: 'customer', additionalProperties: false },
);

const Station = Type.Object(
  {
    id: Id('weather station id'),
    name: Name,
    history: Type.Optional(HourlySeries('°C', 'temperature history')),
    forecast: Type.Optional(HourlySeries('°C', 'temperature forecast')),
    forecastSpreadC: Type.Optional(Type.Number({ title: 'forecast error spread (°C, one standard deviation)', minimum: 0 })),
  },
  { title: 'weather station', additionalProperties: false },
);

const LoadHistory = Type.Object(
  {
    of: StringEnum(['area', 'feeder', 'customer'] as const, 'what the series meters'),
    id: Id('metered area, feeder or customer id'),
    start: Timestamp('series start'),
    unit: Type.Literal('MW', { title: 'unit (MW)' }),
    values: Type.Array(Type.Union([Type.Number(), Type.Null()]), { title: 'hourly values in MW' }),
    maxValues: Type.Optional(Type.Array(Type.Union([Type.Number(), Type.Null()]), {
      title: 'each hour\'s highest 15/30-minute reading in MW (load read finer than hourly): warnings are measured against it',
    })),
  },
  { title: 'load history series', additionalProperties: false },
);

const Outage = Type.Object(
  {
    from: Timestamp('outage start'),
    to: Timestamp('outage end'),
    unavailableMW: MW('unavailable capacity (MW)'),
    reason: Type.Optional(Text()),
  },
  { title: 'outage', additionalProperties: false },
);

const Unit = Type.Object(
  {
    id: Id('unit id'),
    name: Name,
    type: StringEnum(UNIT_TYPES, 'unit type'),
    area: Id('area id'),
    capacityMW: MW('capacity (MW)', { exclusiveMin: 0 }),
    forcedOutageRate: Share('forced-outage rate'),
    available: Type.Optional(HourlySeries('MW', 'expected available output')),
    outages: Type.Optional(Type.Array(Outage)),
  },
  { title: 'generating unit', additionalProperties: false },
);

const Import = Type.Object(
  {
    id: Id('import id'),
    name: Name,
    area: Id('receiving area id'),
    schedule: HourlySeries('MW', 'import schedule'),
    lossProbability: Type.Optional(Share('probability the import is lost')),
  },
  { title: 'import', additionalProperties: false },
);

const EnergyBudget = Type.Object(
  {
    id: Id('energy budget id'),
    name: Name,
    units: Type.Array(Id('unit id'), { minItems: 1 }),
    daily: Type.Array(
      Type.Object({ date: DateText('budget date'), energyMWh: Type.Number({ title: 'energy (MWh)', minimum: 0 }) }, { additionalProperties: false }),
      { minItems: 1 },
    ),
  },
  { title: 'energy budget', additionalProperties: false },
);

const Supply = Type.Object(
  {
    units: Type.Array(Unit),
    imports: Type.Array(Import),
    reserveMW: Type.Optional(MW('reserve requirement (MW)')),
    reserve: Type.Optional(HourlySeries('MW', 'hourly reserve requirement')),
    energyBudgets: Type.Optional(Type.Array(EnergyBudget)),
  },
  { title: 'supply', additionalProperties: false },
);

const Holidays = Type.Object(
  {
    calendar: Text({ title: 'calendar name (e.g. CN, US-federal, custom)', minLength: 1 }),
    days: Type.Array(Type.Object({ date: DateText('holiday date'), name: Text() }, { additionalProperties: false })),
    workdays: Type.Array(DateText('adjusted working day'), { title: 'weekend days worked (调休)' }),
  },
  { title: 'holiday calendar', additionalProperties: false },
);

const Policy = Type.Object(
  {
    warning: Type.Object(
      {
        thresholdsPct: Type.Array(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 100 }), {
          title: 'gap thresholds between levels IV|III, III|II, II|I (% of the period maximum demand)',
          minItems: 3,
          maxItems: 3,
        }),
        boundary: StringEnum(['upper-inclusive', 'lower-inclusive'] as const, 'which level a gap exactly on a threshold takes'),
      },
      { additionalProperties: false },
    ),
    ladder: Type.Array(StringEnum(MEASURES, 'measure'), { minItems: MEASURES.length, maxItems: MEASURES.length }),
    planScaleShare: Type.Number({ title: 'plan capacity as a share of the historical maximum load', exclusiveMinimum: 0, maximum: 1 }),
    defaultNoticeHours: Type.Number({ title: 'default notice (h)', minimum: 0 }),
    holidays: Holidays,
  },
  { title: 'policy', additionalProperties: false },
);

const UnitTrip = Type.Object(
  { id: Id('event id'), kind: Type.Literal('unit-trip'), unit: Id('unit id'), at: Timestamp('trip time'), durationHours: Type.Number({ exclusiveMinimum: 0 }) },
  { title: 'unit trip', additionalProperties: false },
);
const RenewableDrop = Type.Object(
  {
    id: Id('event id'),
    kind: Type.Literal('renewable-drop'),
    type: StringEnum(['wind', 'solar'] as const, 'renewable type'),
    area: Type.Optional(Id('area id')),
    from: Timestamp('drop start'),
    to: Timestamp('drop end'),
    remainingShare: Share('share of expected output that remains'),
  },
  { title: 'wind or solar drop', additionalProperties: false },
);
const HeatWave = Type.Object(
  {
    id: Id('event id'),
    kind: Type.Literal('heat-wave'),
    from: Timestamp('heat-wave start'),
    to: Timestamp('heat-wave end'),
    deltaC: Type.Number({ title: 'temperature rise over the forecast (°C)' }),
    stations: Type.Optional(Type.Array(Id('weather station id'))),
  },
  { title: 'heat wave', additionalProperties: false },
);
const ImportLoss = Type.Object(
  {
    id: Id('event id'),
    kind: Type.Literal('import-loss'),
    import: Id('import id'),
    from: Timestamp('loss start'),
    to: Timestamp('loss end'),
    lostMW: MW('lost import (MW)', { exclusiveMin: 0 }),
  },
  { title: 'import loss', additionalProperties: false },
);

export const Event = Type.Union([UnitTrip, RenewableDrop, HeatWave, ImportLoss], { title: 'event', discriminator: 'kind' });

const Provenance = Type.Object(
  {
    tool: Text(),
    scale: Type.Optional(Text()),
    story: Type.Optional(Text()),
    seed: Type.Optional(Type.Number()),
  },
  { title: 'how the scenario was made', additionalProperties: false },
);

export const ScenarioSchema = Type.Object(
  {
    format: Type.Literal(SCENARIO_FORMAT, { title: 'format' }),
    id: Id('scenario id'),
    name: Name,
    nameZh: Type.Optional(Text()),
    description: Type.Optional(Text()),
    generatedBy: Type.Optional(Provenance),
    timeZone: Type.String({ title: 'time zone (IANA name such as Asia/Shanghai, or a fixed offset such as +08:00)', minLength: 1 }),
    currency: Type.String({ title: 'currency of costs (ISO 4217)', pattern: '^[A-Z]{3}$' }),
    study: Type.Object(
      {
        start: Timestamp('study start'),
        hours: Type.Integer({ title: 'study length (h)', minimum: 1, maximum: 24 * 92 }),
        issuedAt: Timestamp('time the study is issued'),
      },
      { title: 'study window', additionalProperties: false },
    ),
    areas: Type.Array(Area, { minItems: 1 }),
    feeders: Type.Array(Feeder),
    profiles: Type.Array(Profile),
    customers: Type.Array(Customer),
    weather: Type.Object({ stations: Type.Array(Station) }, { additionalProperties: false }),
    history: Type.Object({ load: Type.Array(LoadHistory) }, { additionalProperties: false }),
    supply: Supply,
    policy: Policy,
    events: Type.Array(Event),
  },
  {
    $id: 'https://orderly.invalid/scenario.schema.json',
    title: 'Orderly scenario',
    description: 'A shortage study: area tree, feeders, customers, history, supply, policy and events. Units: MW, MWh, °C, hours.',
    additionalProperties: false,
  },
);

export type ScenarioFile = Static<typeof ScenarioSchema>;
export type AreaFile = Static<typeof Area>;
export type FeederFile = Static<typeof Feeder>;
export type CustomerFile = Static<typeof Customer>;
export type ProfileFile = Static<typeof Profile>;
export type StationFile = Static<typeof Station>;
export type UnitFile = Static<typeof Unit>;
export type ImportFile = Static<typeof Import>;
export type EventFile = Static<typeof Event>;
export type PolicyFile = Static<typeof Policy>;
export type SchemaNode = TSchema;

/** The JSON Schema as published (TypeBox's symbols dropped by the JSON round trip). */
export function scenarioJsonSchema(): object {
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...JSON.parse(JSON.stringify(ScenarioSchema)) };
}
