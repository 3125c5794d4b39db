import { subjectShift } from './src/verify/subject.js';
const t: [string,string][] = [
['Kommunene skal koordinere arbeidet med landets infrastruktur for geografisk informasjon, herunder deling av spesifiserte geodata.','En nasjonal geodatakoordinator skal koordinere arbeidet med landets infrastruktur for geografisk informasjon, herunder deling av spesifiserte geodata mellom deltakende virksomheter.'],
['I hus der utleieren har utleid flere enn fire boliger, kan utleieren velge en tillitsvalgt til å representere boligleierne.','I hus der utleieren har utleid flere enn fire boliger, kan boligleierne i møte med vanlig flertall av de avgitte stemmer velge en tillitsvalgt til å representere dem overfor utleieren.'],
['NTL mener medbestemmelsesapparatet må gis tilstrekkelige midler til utvikling og implementering.','En vellykket digitalisering forutsetter at virksomhetene gis tilstrekkelige midler til utvikling og implementering, og at arbeidet forankres i medbestemmelsesapparatet.'],
];
for (const [s,q] of t) console.log(subjectShift(s,q));
