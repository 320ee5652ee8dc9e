/**
 * The PyPI index pip works from: the packages Python tutorials install and their dependencies, with their
 * latest versions of late 2024 (https://pypi.org/project/NAME/), the requirement each dependency is declared
 * with (pip prints it: "Collecting Werkzeug>=3.1 (from flask)"), installed sizes (approximate), the console
 * scripts they put in bin/, and whether the wheel is compiled (cp312 manylinux) or pure Python.
 * One row per package: Name|version|installed bytes|dependency specs (;)|scripts|native.
 */

export interface PypiPackage {
  /** The project's name as PyPI spells it (pip prints it so). */
  name: string;
  version: string;
  size: number;
  deps: string[];
  scripts: string[];
  native: boolean;
}

const ROWS = `
flask|3.1.0|320000|Werkzeug>=3.1;Jinja2>=3.1.2;itsdangerous>=2.2;click>=8.1.3;blinker>=1.9|flask|
Werkzeug|3.1.3|820000|MarkupSafe>=2.1.1||
Jinja2|3.1.5|520000|MarkupSafe>=2.0||
itsdangerous|2.2.0|60000|||
click|8.1.8|400000|||
blinker|1.9.0|30000|||
MarkupSafe|3.0.2|50000|||native
requests|2.32.3|200000|charset-normalizer<4,>=2;idna<4,>=2.5;urllib3<3,>=1.21.1;certifi>=2017.4.17||
urllib3|2.3.0|500000|||
idna|3.10|300000|||
certifi|2024.12.14|300000|||
charset-normalizer|3.4.1|400000||normalizer|native
numpy|2.2.1|62000000||f2py numpy-config|native
pandas|2.2.3|70000000|numpy>=1.26.0;python-dateutil>=2.8.2;pytz>=2020.1;tzdata>=2022.7||native
python-dateutil|2.9.0.post0|700000|six>=1.5||
six|1.17.0|40000|||
pytz|2024.2|2800000|||
tzdata|2024.2|1900000|||
Django|5.1.4|28000000|asgiref<4,>=3.8.1;sqlparse>=0.3.1|django-admin|
asgiref|3.8.1|120000|||
sqlparse|0.5.3|250000||sqlformat|
fastapi|0.115.6|700000|starlette<0.42.0,>=0.40.0;pydantic!=1.8,!=1.8.1,!=2.0.0,!=2.0.1,!=2.1.0,<3.0.0,>=1.7.4;typing-extensions>=4.8.0||
starlette|0.41.3|500000|anyio<5,>=3.4.0||
anyio|4.7.0|500000|idna>=2.8;sniffio>=1.1;typing_extensions>=4.5||
sniffio|1.3.1|20000|||
pydantic|2.10.4|2000000|annotated-types>=0.6.0;pydantic-core==2.27.2;typing-extensions>=4.12.2||
pydantic_core|2.27.2|5000000|typing-extensions!=4.7.0,>=4.6.0||native
annotated-types|0.7.0|40000|||
typing_extensions|4.12.2|150000|||
uvicorn|0.34.0|300000|click>=7.0;h11>=0.8|uvicorn|
h11|0.14.0|200000|||
gunicorn|23.0.0|800000|packaging|gunicorn|
packaging|24.2|200000|||
redis|5.2.1|1200000|||
psycopg2-binary|2.9.10|9000000|||native
SQLAlchemy|2.0.36|12000000|typing-extensions>=4.6.0;greenlet!=0.4.17||native
greenlet|3.1.1|1200000|||native
pytest|8.3.4|1500000|iniconfig;packaging;pluggy<2,>=1.5|pytest py.test|
iniconfig|2.0.0|20000|||
pluggy|1.5.0|60000|||
python-dotenv|1.0.1|80000||dotenv|
PyYAML|6.0.2|800000|||native
pillow|11.0.0|13000000|||native
beautifulsoup4|4.12.3|500000|soupsieve>1.2||
soupsieve|2.6|100000|||
`;

let parsed: Map<string, PypiPackage> | null = null;

/** PyPI's normalized name (PEP 503): lowercase, runs of -_. as one -. */
export const normalize = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

export function pypiIndex(): Map<string, PypiPackage> {
  if (parsed) return parsed;
  parsed = new Map();
  for (const line of ROWS.split('\n')) {
    if (!line) continue;
    const [name, version, size, deps, scripts, native] = line.split('|');
    parsed.set(normalize(name), { name, version, size: Number(size), deps: deps ? deps.split(';') : [], scripts: scripts ? scripts.split(' ') : [], native: native === 'native' });
  }
  return parsed;
}
