"""The words a Spanish-speaking producer says in the studio, in the English the parser reads (issue 55).

Every key is folded (lower case, accents dropped: "quítale" is "quitale", "melodía" "melodia"), so a
word typed with or without its tilde is the same word. A verb is written once in its command form
(the imperative "quita", the infinitive "quitar", the vos form where it differs); the pronouns
joined to it ("quítale", "pónmelo", "bájala") are split off by ``spanish.py``. Words with two
readings ("para", "solo", "tiempo", "bajo", "esta", "toca" ...) are not here: ``spanish_context.py``
reads them from the words around them.
"""

from __future__ import annotations

# command verbs: imperative and infinitive forms -> the English verb the rules read
VERBS = {
    **dict.fromkeys(
        ("quita", "quitar", "quitele", "elimina", "eliminar", "borra", "borrar", "borre", "remueve"), "remove"
    ),
    **dict.fromkeys(("saca", "sacar", "saque"), "take out"),
    **dict.fromkeys(("pon", "poner", "pone", "ponga", "coloca", "colocar"), "put"),
    **dict.fromkeys(
        ("mete", "meter", "meta", "agrega", "agregar", "agregue", "anade", "anadir", "suma"), "add"
    ),
    **dict.fromkeys(("sube", "subir", "subi", "suba"), "raise"),
    **dict.fromkeys(("baja", "bajar", "baje"), "lower"),
    **dict.fromkeys(
        ("haz", "hacer", "hace", "haga", "arma", "armar", "crea", "crear", "genera", "generar"), "make"
    ),
    **dict.fromkeys(("escribe", "escribir", "compon", "componer"), "write"),
    **dict.fromkeys(("cambia", "cambiar", "cambie"), "change"),
    **dict.fromkeys(("pasa", "pasar", "mueve", "mover", "lleva", "llevar"), "move"),
    **dict.fromkeys(("convierte", "convertir", "transcribir"), "convert"),
    **dict.fromkeys(("deshaz", "deshacer"), "undo"),
    **dict.fromkeys(("rehaz", "rehacer"), "redo"),
    **dict.fromkeys(("reescribe", "reescribir", "regenera", "regenerar", "rehace"), "rewrite"),
    **dict.fromkeys(("vuelve", "volver", "regresa", "regresar"), "go back"),
    **dict.fromkeys(
        ("sigue", "seguir", "continua", "continuar", "extiende", "extender", "alarga"), "continue"
    ),
    **dict.fromkeys(("deten", "detener", "parar"), "stop"),
    **dict.fromkeys(("arranca", "arrancar", "empieza", "empezar", "comienza", "comenzar", "inicia"), "start"),
    **dict.fromkeys(("ensena", "ensenar", "muestra", "mostrar"), "show"),
    **dict.fromkeys(("mutea", "mutear", "silencia", "silenciar", "calla", "callar"), "mute"),
    **dict.fromkeys(("desmutea", "desmutear"), "unmute"),
    **dict.fromkeys(("solea", "solear"), "solo"),
    **dict.fromkeys(("atrasa", "atrasar", "retrasa", "retrasar"), "delay"),
    **dict.fromkeys(("adelanta", "adelantar"), "move earlier"),
    **dict.fromkeys(("guarda", "guardar", "salva"), "save"),
    **dict.fromkeys(("compara", "comparar"), "compare"),
    **dict.fromkeys(("separa", "separar", "dividir"), "separate"),
    **dict.fromkeys(("graba", "grabar"), "record"),
    **dict.fromkeys(("tira", "tirar"), "give"),
    **dict.fromkeys(("manda", "mandar", "envia", "enviar"), "send"),
    **dict.fromkeys(("reproduce", "reproducir"), "play"),
    **dict.fromkeys(("limpia", "limpiar"), "clean up"),
    **dict.fromkeys(("simplifica", "simplificar"), "simplify"),
    **dict.fromkeys(("cuantiza", "cuantizar", "cuantifica"), "quantize"),
    **dict.fromkeys(("humaniza", "humanizar"), "humanize"),
    **dict.fromkeys(("transpon", "transponer", "transporta", "transportar"), "transpose"),
    **dict.fromkeys(("duplica", "duplicar", "dobla", "doblar"), "double"),
    **dict.fromkeys(("analiza", "analizar", "detecta", "detectar"), "analyze"),
    **dict.fromkeys(("deja", "dejar"), "leave"),
    **dict.fromkeys(("duckea", "duckear"), "duck"),
    **dict.fromkeys(("acompana", "acompanar"), "accompany"),
    **dict.fromkeys(("repite", "repetir", "loopea", "loopear"), "loop"),
    **dict.fromkeys(("varia", "variar"), "vary"),
    **dict.fromkeys(("suaviza", "suavizar"), "soften"),
    **dict.fromkeys(("marca", "marcar"), "mark"),
    **dict.fromkeys(("corta", "cortar"), "cut"),
    **dict.fromkeys(("arregla", "arreglar", "corrige", "corregir"), "fix"),
    **dict.fromkeys(("prueba", "probar", "intenta"), "try"),
    **dict.fromkeys(("trae", "traer"), "bring"),
    **dict.fromkeys(("decir", "decirme"), "tell"),
    **dict.fromkeys(("cuadra", "cuadrar", "ajusta", "ajustar", "encaja", "encajar"), "fit"),
    **dict.fromkeys(("da", "dar"), "give"),
    # infinitives alone: the imperatives ("corré", "buscame", "masterizame") are read by ``spanish_verbs``
    "correr": "move",
    "buscar": "find",
    "masterizar": "master",
}
# a joined "me" keeps its English "me" after these verbs ("hazme" make me, "pásame" ... ); else it is dropped
TAKES_ME = frozenset(("make", "give", "show", "write", "send", "tell", "bring", "play", "find"))
# a joined pronoun that changes the verb: "ponle más swing" adds, "ponme un bajo" gives me one
JOINED = {("put", "le"): "add", ("put", "me"): "give me", ("move", "me"): "give me"}
# pronouns joined to a command verb, longest first ("pónmelo": pon + me + lo)
CLITICS = ("melo", "mela", "selo", "sela", "noslo", "me", "le", "lo", "la", "les", "los", "las", "nos")
OBJECT_CLITICS = frozenset(("lo", "la", "los", "las", "melo", "mela", "selo", "sela"))  # "it"

# verbs said in a description or a wish (not the command form)
OTHER_VERBS = {
    "quiero": "i want", "quisiera": "i would like", "necesito": "i need", "puedes": "can you",
    "podrias": "could you", "dime": "tell me", "esta": "is", "estan": "are", "es": "is", "son": "are", "estaba": "was",
    "era": "was", "suena": "sounds", "suenan": "sound", "siente": "feels", "sienten": "feel",
    "tiene": "has", "tienen": "have", "tengo": "i have", "hay": "there is", "va": "goes", "pega": "hits",
    "pegar": "hit", "caiga": "lands", "caigan": "land", "caer": "land", "toque": "plays", "toquen": "play",
    "siga": "follows", "sigan": "follow", "entren": "come in", "entra": "comes in", "entrando": "going",
    "grabe": "i recorded", "deshice": "i undid", "hice": "i made", "cambio": "changed", "gusta": "like",
    "necesita": "needs", "falta": "needs", "quedo": "came out", "queda": "sounds", "suene": "sounds",
    "tocar": "play", "toques": "touch", "cambies": "change", "quites": "remove", "muevas": "move",
    "pongas": "put", "metas": "add", "borres": "delete", "subas": "raise", "bajes": "lower",
    "hagas": "make", "estaria": "would be", "seria": "would be", "hacerlo": "do it", "sea": "is",
    "tenga": "has", "tengan": "have", "starred": "starred",
}  # fmt: skip

NOUNS = {
    "bateria": "drums", "bombo": "kick", "bombos": "kicks", "caja": "snare", "redoblante": "snare",
    "tarola": "snare", "platillos": "cymbals", "platillo": "cymbal", "palmas": "claps", "aplausos": "claps",
    "cencerro": "cowbell", "guira": "guira percussion", "guiro": "guiro percussion", "pandereta": "tambourine",
    "percusion": "percussion", "percusiones": "percussion", "acordes": "chords", "acorde": "chord",
    "melodia": "melody", "melodias": "melodies", "voz": "vocal", "voces": "vocals", "guitarra": "guitar",
    "guitarras": "guitars", "cuerdas": "strings", "teclado": "keys", "teclados": "keys", "teclas": "keys",
    "sinte": "synth", "sintetizador": "synth", "arpegio": "arpeggio", "linea": "line", "cancion": "song",
    "tema": "song", "temazo": "song", "coro": "chorus", "coros": "choruses", "estribillo": "chorus",
    "estrofa": "verse", "estrofas": "verses", "verso": "verse", "puente": "bridge", "precoro": "pre chorus",
    "compas": "bar", "compases": "bars", "cambios": "changes", "toma": "take", "tomas": "takes", "pista": "track",
    "pistas": "tracks", "canal": "track", "version": "version", "versiones": "versions",
    "variacion": "variation", "variaciones": "variations", "nota": "note", "notas": "notes",
    "golpe": "hit", "golpes": "hits", "ritmo": "rhythm", "patron": "pattern", "relleno": "fill",
    "arreglo": "arrangement", "perreo": "beat", "progresion": "progression", "progresiones": "progressions", "mezcla": "mix", "volumen": "volume", "semitono": "semitone", "semitonos": "semitones",
    "octava": "octave", "octavas": "octaves", "quinta": "fifth", "cuarta": "fourth", "sexta": "sixth",
    "septima": "seventh", "tonalidad": "key", "escala": "scale", "mayor": "major", "menor": "minor",
    "sostenido": "sharp", "bemol": "flat", "seccion": "section", "parte": "part", "partes": "parts",
    "principio": "start", "inicio": "start", "comienzo": "start", "mitad": "half",
    "proyecto": "song", "sesion": "session", "instrumento": "instrument", "instrumentos": "instruments",
    "sonido": "sound", "archivo": "file", "estrella": "star", "estrellas": "stars", "favoritas": "starred",
    "marcadas": "starred", "vivo": "live", "semicorchea": "sixteenth", "semicorcheas": "sixteenths",
    "corchea": "eighth", "corcheas": "eighths", "negra": "quarter note", "sincopa": "syncopation",
    "swing": "swing", "subida": "build", "entrada": "intro", "salida": "outro", "efecto": "effect",
}  # fmt: skip

WORDS = {
    "el": "the", "la": "the", "los": "the", "las": "the", "un": "a", "una": "a", "unos": "some",
    "unas": "some", "del": "of the", "al": "to the", "de": "of", "en": "in", "con": "with", "sin": "without",
    "y": "and", "e": "and", "o": "or", "u": "or", "pero": "but", "mi": "my", "mis": "my", "tu": "your",
    "tus": "your", "su": "its", "sus": "its", "este": "this", "esto": "this", "estos": "these",
    "estas": "these", "ese": "that", "esa": "that", "eso": "that", "esos": "those", "esas": "those",
    "aquel": "that", "aquella": "that", "lo": "it", "le": "", "les": "", "se": "", "te": "you", "nos": "us",
    "que": "that", "q": "that", "k": "that", "cual": "which", "cuanto": "how much", "cuantos": "how many",
    "como": "like", "donde": "where", "porque": "because", "si": "if", "por": "by", "pa": "for",
    "hacia": "toward", "desde": "from", "hasta": "to", "sobre": "over", "encima": "on top", "debajo": "under",
    "dentro": "inside", "fuera": "out", "afuera": "out", "tipo": "like", "estilo": "style", "rollo": "vibe",
    "vibra": "vibe", "onda": "vibe", "mas": "more", "menos": "less", "muy": "very", "demasiado": "too",
    "demasiada": "too", "bien": "", "poco": "little", "poquito": "little", "poquitito": "little",
    "mucho": "a lot", "mucha": "a lot of", "medio": "half", "doble": "double", "todo": "everything",
    "toda": "all", "todos": "all", "todas": "all", "cada": "every", "otro": "another", "otra": "another",
    "otros": "other", "otras": "other", "nada": "nothing", "algo": "something", "ya": "now",
    "ahora": "now", "aqui": "here", "ahi": "there", "tambien": "too", "solamente": "just", "nomas": "just",
    "unicamente": "only", "despues": "after", "antes": "before", "luego": "then", "vacio": "empty", "aburrido": "boring", "interesante": "interesting", "triste": "sad",
    "alegre": "happy", "acustico": "acoustic", "electrico": "electric", "abajo": "down", "arriba": "up",
    "grave": "low", "pesado": "heavy", "agudo": "high", "corto": "short", "largo": "long", "agresivo": "aggressive", "agresiva": "aggressive", "distorsionado": "distorted",
    "distorsionada": "distorted", "clasico": "classic", "clasica": "classic", "sucio": "dirty", "sucia": "dirty",
    "vacia": "empty", "lleno": "busy", "llena": "busy", "cargado": "busy", "cargada": "busy",
    "pelado": "bare", "pelada": "bare", "fuerte": "loud", "fuertes": "loud", "alto": "loud",
    "bajito": "quiet", "bajita": "quiet", "duro": "hard", "suave": "soft", "lento": "slow", "rapido": "fast",
    "oscuro": "dark", "brillante": "bright", "anterior": "previous", "nuevo": "new", "nueva": "new",
    "entero": "whole", "entera": "whole", "completo": "whole", "completa": "whole", "mejor": "better",
    "peor": "worse", "desfasado": "off beat", "desfasada": "off beat", "descuadrado": "off beat",
    "descuadrada": "off beat", "atrasado": "late", "atrasada": "late", "adelantado": "early",
    "robotico": "robotic", "sencillo": "simple", "sencilla": "simple",
    "simple": "simple", "complejo": "complex", "ocupado": "busy", "saturado": "cluttered", "limpio": "clean",
    "seco": "dry", "primer": "first", "primero": "first", "primera": "first", "segundo": "second",
    "segunda": "second", "tercer": "third", "tercero": "third", "tercera": "third", "cuarto": "fourth",
    "quinto": "fifth", "ultimo": "last", "ultima": "last", "ultimos": "last", "ultimas": "last",
    "penultimo": "second to last", "penultima": "second to last", "siguiente": "next", "proximo": "next",
    "proxima": "next", "original": "original", "porfa": "please", "porfavor": "please", "xfa": "please",
    "gracias": "thanks", "bueno": "ok", "vale": "ok", "okey": "ok", "listo": "ok", "pues": "", "claro": "sure",
    "oye": "", "che": "", "mira": "", "bro": "", "pana": "", "mano": "", "hermano": "", "manito": "",
    "momento": "moment", "momentito": "moment", "vez": "time", "veces": "times", "fire": "fire",
    "durisimo": "really hard", "tranquilo": "alone", "quieto": "alone", "raro": "weird", "feo": "bad", "bonito": "nice",
}  # fmt: skip

NUMBERS = {
    "cero": "zero", "uno": "one", "dos": "two", "tres": "three", "cuatro": "four", "cinco": "five",
    "seis": "six", "siete": "seven", "ocho": "eight", "nueve": "nine", "diez": "ten", "doce": "twelve",
    "trece": "thirteen", "catorce": "fourteen", "quince": "fifteen", "dieciseis": "sixteen",
    "diecisiete": "seventeen", "dieciocho": "eighteen", "diecinueve": "nineteen", "veinte": "twenty",
    "veintiuno": "twenty one", "veintidos": "twenty two", "veintitres": "twenty three",
    "veinticuatro": "twenty four", "veinticinco": "twenty five", "veintiseis": "twenty six",
    "veintisiete": "twenty seven", "veintiocho": "twenty eight", "veintinueve": "twenty nine",
    "treinta": "thirty", "cuarenta": "forty", "cincuenta": "fifty", "sesenta": "sixty",
    "setenta": "seventy", "ochenta": "eighty", "noventa": "ninety", "cien": "one hundred",
    "ciento": "one hundred", "doscientos": "two hundred",
}  # fmt: skip
TENS = frozenset(("veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"))

# the solfège note names a Spanish speaker gives a key in ("la menor" is A minor, "si bemol" B flat)
SOLFEGE = {"do": "C", "re": "D", "mi": "E", "fa": "F", "sol": "G", "la": "A", "si": "B"}

# phrases read whole before the words, folded: (Spanish, English)
PHRASES = (
    ("un poquito de", "a little"), ("un poquito", "a little"), ("un poco de", "a little"), ("un poco", "a little"),
    ("lo demas", "the rest"), ("al final", "at the end"), ("el final", "the end"), ("la final", "the end"), ("lo que", "what"), ("lo ultimo", "the last thing"), ("otra vez", "again"), ("en vez de", "instead of"), ("un toque", "a little"),
    ("de nuevo", "again"), ("por favor", "please"), ("tiene que", "has to"), ("tienen que", "have to"),
    ("hay que", "we need to"), ("se siente", "feels"), ("se sienten", "feel"), ("se oye", "sounds"),
    ("me gusta", "i like"), ("pa fuera", "out"), ("para fuera", "out"), ("pa afuera", "out"),
    ("en vivo", "live"), ("nada mas", "just"), ("no mas", "just"), ("linea de bajo", "bass line"),
    ("lineas de bajo", "bass lines"), ("fuera de tiempo", "off beat"), ("a tiempo", "on time"),
    ("de antes", "before"), ("ya hay", "is already there"), ("que ya hay", "what is already there"),
    ("junto con", "along with"), ("junto a", "along with"), ("por que", "why"), ("en la rejilla", "on the grid"),
    ("mas duro", "harder"), ("mas fuerte", "louder"), ("mas suave", "softer"), ("mas lento", "slower"),
    ("mas rapido", "faster"), ("medio tiempo", "half time"), ("doble tiempo", "double time"),
    ("que tengo", "that i have"), ("la de antes", "the one before"), ("el de antes", "the one before"),
    ("marcala con estrella", "star it"), ("marcalo con estrella", "star it"), ("marca con estrella", "star"),
    ("ponle estrella", "star it"), ("ponle una estrella", "star it"), ("dale estrella", "star it"),
    ("dale una estrella", "star it"), ("quitale la estrella", "unstar it"), ("dale solo", "solo"),
    ("ponle solo", "solo"), ("ponlo en solo", "solo it"), ("quitale el mute", "unmute"), ("quita el mute", "unmute"),
    ("quitale el solo", "unsolo"), ("dale play", "play"), ("dale stop", "stop"), ("en el grid", "on the grid"),
    ("notas midi", "midi notes"), ("esta bien", "is fine"), ("estan bien", "are fine"), ("suena bien", "sounds good"),
    # "perreo" (reggaeton's dance) names no genre of the schema: a perreo part is that part, a perreo alone the beat
    *((f"perreo {part}", part) for part in ("drum", "drums", "beat", "bass", "bajo", "chords", "acordes", "melody",
                                            "melodia", "loop", "groove", "hook", "808", "bassline", "pattern")),
    ("antes del", "before the"), ("antes de", "before"), ("despues del", "after the"), ("despues de", "after"), ("deja solo", "keep only"), ("dejame solo", "keep only"), ("deja nada mas", "keep only"),
)  # fmt: skip

# English words the Spanish table also holds: they alone never mark a sentence as Spanish
ENGLISH_TOO = frozenset((
    "a", "me", "no", "solo", "son", "hay", "once", "sin", "van", "real", "final", "simple", "original",
    "fire", "swing", "canal", "mano", "bro", "vale", "e", "o", "u", "k", "q", "si", "te", "tu",
    "mi", "do", "re", "fa", "sol", "la", "lo", "le", "pone", "suave", "alto", "mete", "vivo", "dame",
    "compose", "da", "starred", "poco", "lento", "version", "nota", "mas", "corta", "pan", "ya", "y", "de",
    "un", "les", "pa", "patron", "meter", "guira", "grave", "largo", "meta", "mayor", "guiro", "era", "sea", "nada", "todo", "verso", "momento", "bonito",
))  # fmt: skip
