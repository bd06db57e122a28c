/** Word lists for the synthetic journal's people, teams, features, metrics and titles. */

export const FIRST_NAMES =
	`Ana Bo Chidi Dmitri Aisha Kwame Lan Lucas Mei Omar Priya Sofia Tomas Jonas
Amara Hiroshi Yuki Fatima Mateo Ingrid Ravi Leila Kofi Elena Arjun Nadia Samuel Zara Diego Hana
Tariq Olga Kenji Lucia Emeka Sven Mariam Pedro Ayesha Noah Ines Wei Chloe Rashid Anika Felix Esi
Marek Sara Joon`.split(/\s+/);

export const LAST_NAMES =
	`Souza Nakamura Okafor Ivanov Rahman Mensah Nguyen Silva Chen Haddad Sharma
Rossi Novak Berg Adeyemi Kim Tanaka Garcia Jensen Patel Kowalski Mendes Osei Petrov Larsen Ahmed
Moreau Fischer Costa Yilmaz Santos Ali Dubois Park Lopez Eriksson Owusu Gupta Romero Haas`.split(
		/\s+/,
	);

export const JOB_TITLES = [
	'Software Engineer',
	'Senior Engineer',
	'Staff Engineer',
	'Engineering Manager',
	'Product Manager',
	'Data Scientist',
	'Designer',
	'Site Reliability Engineer',
];

export const TEAM_AREAS =
	`Payments Growth Platform Checkout Billing Identity Risk Payouts Onboarding
Search Mobile Data Infrastructure Ledger Notifications Reporting Integrations Fraud Pricing
Invoicing Compliance Security Observability Storage Messaging Partnerships Lending Treasury
Disputes Catalog`.split(/\s+/);

export const FEATURE_ADJECTIVES = `Instant Saved Smart Guided Self-serve Regional Weekly One-click
Scheduled Shared Bulk Offline Adaptive Unified Live Multi-currency Verified Automatic Express
Custom Partial Recurring Delayed Tiered Secure`.split(/\s+/);

export const FEATURE_NOUNS = `payouts cards checkout onboarding refunds retries digest replicas
invoices exports reports alerts limits disputes receipts wallets links webhooks statements
reminders tokens sessions quotes balances rules`.split(/\s+/);

/** Metric shapes: name suffix, unit, direction and a typical value range. */
export const METRIC_KINDS = [
	{ suffix: 'p95 latency', unit: 'ms', direction: 'down', min: 80, max: 2400, decimals: 0 },
	{ suffix: 'conversion', unit: '%', direction: 'up', min: 5, max: 70, decimals: 1 },
	{ suffix: 'error rate', unit: '%', direction: 'down', min: 0.1, max: 5, decimals: 2 },
	{ suffix: 'support tickets', unit: 'count', direction: 'down', min: 40, max: 900, decimals: 0 },
	{
		suffix: 'weekly active merchants',
		unit: 'count',
		direction: 'up',
		min: 800,
		max: 40000,
		decimals: 0,
	},
	{ suffix: 'monthly cost', unit: 'USD', direction: 'down', min: 2000, max: 90000, decimals: 0 },
] as const;

export const TITLE_VERBS =
	`Cached Batched Rewrote Moved Tested Removed Added Retired Simplified Split
Indexed Migrated Tuned Replaced Paused Launched Sharded Throttled Prefetched Redesigned`.split(
		/\s+/,
	);

export const TITLE_OBJECTS = `checkout refund invoice payout signup search onboarding billing ledger
webhook retry session report export dashboard email notification mobile merchant card`.split(/\s+/);

export const TITLE_THINGS = `flow lookups queue page worker job query form pipeline service client
index endpoint template cache checks`.split(/\s+/);

export const TITLE_ENDINGS = [
	'to cut latency',
	'for new merchants',
	'behind a flag',
	'in the EU region',
	'for large accounts',
	'on mobile',
	'to reduce support tickets',
	'before the holiday peak',
	'',
	'',
];

export const WINDOWS = ['7d', '14d', '28d', '30d', '6 weeks', 'one quarter'];

export const CODE_SAMPLES = [
	[
		'```sql',
		'select date_trunc(week, created_at) as week, count(*) as orders',
		'from payments.orders',
		"where status = 'completed'",
		'group by 1 order by 1;',
		'```',
	],
	[
		'```ts',
		'export async function lookupPrices(ids: string[]) {',
		'\tconst rows = await db.prices.findMany({ where: { id: { in: ids } } });',
		'\treturn new Map(rows.map((row) => [row.id, row.amount]));',
		'}',
		'```',
	],
	['```yaml', 'retry:', '  attempts: 3', '  backoff: exponential', '  max_delay_ms: 4000', '```'],
	['```sh', 'kubectl rollout status deploy/checkout-api --timeout=10m', '```'],
];
