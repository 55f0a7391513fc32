// The threat domains in the order the API and the methodology use (their labels are in the
// translation files under domain.<CODE>).
export const THREAT_DOMAINS = ['TERRORISM', 'EXTREMISM', 'ORGANISED_CRIME', 'DRUG_TRAFFICKING', 'ILLEGAL_MIGRATION',
  'ARMS_TRAFFICKING', 'ECONOMIC', 'INFORMATION', 'TECHNOLOGICAL', 'BIOLOGICAL', 'WATER'];
