// The threat domains in the order the API and the methodology use (their labels are in the
// translation files under domain.<CODE>).
export const THREAT_DOMAINS = ['TERRORISM', 'EXTREMISM', 'ORGANISED_CRIME', 'DRUG_TRAFFICKING', 'ILLEGAL_MIGRATION',
  'ARMS_TRAFFICKING', 'ECONOMIC', 'INFORMATION', 'TECHNOLOGICAL', 'BIOLOGICAL', 'WATER'];

// The PLOVER event categories the text engine codes (org.vigil.text.PloverTrigger.CATEGORIES; their
// labels are in the translation files under plover.<CODE>, a category's modes under
// plover.mode.<mode>).
export const PLOVER_CATEGORIES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT', 'DEMAND', 'DISAPPROVE',
  'INVESTIGATE', 'FIGHT'];
