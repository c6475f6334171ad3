//! The two draws of the simulation: how many times a failure mode strikes in a simulated year,
//! and what each strike costs.
//!
//! A year's count is Poisson with its rate drawn from the frequency range, the range read as the
//! 90 % interval of a lognormal (like the loss per event, so that both ranges mean the same
//! thing: "nine times in ten between these two"). A uniform rate would put as much weight at
//! the high end as in the middle and none beyond it; the lognormal keeps a tail, which is what
//! a 1-in-100 year is made of.
//!
//! Drawing the rate and then the count every year for every mode was most of the run time, so
//! the count's distribution — that mixture, P(N = k) = E[Poisson(k; Λ)] — is worked out once
//! per mode by numerical integration over the rate, and a year's count is then one uniform draw
//! read off it. It is the same distribution (the tests check its mean and variance against the
//! closed forms), not an approximation of the model. Most modes are quiet most years (a rate of
//! 0.05 leaves 19 years in 20 empty), so for those the sampler does not visit every year: it
//! draws the gap to the next year with an event (geometric, with the table's probability of a
//! quiet year), then that year's count given that it has one. Rates whose tail runs past
//! [`INVERSION_LIMIT`] are drawn year by year, rate then count, as the model reads.

use rand::distr::Open01;
use rand::{Rng, RngExt};
use rand_distr::{Distribution, Poisson};

use super::exp::{exp, exp_all, exp_single_all, ln, ln_1p};
use super::range::{LogNormal90, Range};

/// Above this rate a count is drawn by rand_distr's Poisson (transformed rejection) rather than
/// by walking the distribution from zero.
const INVERSION_LIMIT: f64 = 30.0;

/// 1/k for the counts inversion walks through: a multiplication per step instead of a division
/// (the walk was the slowest part of a busy row's year). Counts past the table divide.
const RECIPROCALS: [f64; 128] = {
    let mut table = [0.0; 128];
    let mut k = 1;
    while k < 128 {
        table[k] = 1.0 / k as f64;
        k += 1;
    }
    table
};

/// A uniform draw in (0, 1]: never 0, so its logarithm is finite.
fn unit(rng: &mut impl Rng) -> f64 {
    1.0 - rng.random::<f64>()
}

/// A standard normal draw: rand_distr's `StandardNormal` (the ZIGNOR ziggurat, Doornik 2005, on
/// its tables), drawn here so that the common case — one 64-bit draw, a table look-up and a
/// comparison — stays in registers in the loss loop, and so that its rare density test and
/// tail use the plain-Rust e^x and ln. It gives the same draws as `StandardNormal` (a test
/// checks), but for the tail's last bits.
#[inline(always)]
pub fn normal<R: Rng + Clone>(rng: &mut R) -> f64 {
    let bits = rng.next_u64();
    let layer = (bits & 0xff) as usize;
    // A uniform in [−1, 1) from the high 52 bits: [2, 4) less 3.
    let u = f64::from_bits((bits >> 12) | 0x4000_0000_0000_0000) - 3.0;
    let x = u * ZIG_NORM_X[layer];
    if x.abs() < ZIG_NORM_X[layer + 1] {
        return x;
    }
    // The generator goes to the rare case by value and comes back, so that the loop's copy of
    // it never has its address taken and stays in registers.
    let (value, state) = normal_edge(rng.clone(), layer, u, x);
    *rng = state;
    value
}

/// The ziggurat's rare cases (about 1.2 % of draws): the base layer's tail, and a wedge's
/// density test; drawn again when rejected.
#[cold]
#[inline(never)]
fn normal_edge<R: Rng + Clone>(mut rng: R, layer: usize, u: f64, x: f64) -> (f64, R) {
    if layer == 0 {
        // The tail beyond R, by Marsaglia's method.
        loop {
            let x = ln(rng.sample::<f64, _>(Open01)) / ZIG_NORM_R;
            let y = ln(rng.sample::<f64, _>(Open01));
            if -2.0 * y >= x * x {
                return (if u < 0.0 { x - ZIG_NORM_R } else { ZIG_NORM_R - x }, rng);
            }
        }
    }
    if ZIG_NORM_F[layer + 1] + (ZIG_NORM_F[layer] - ZIG_NORM_F[layer + 1]) * rng.random::<f64>() < exp(-x * x / 2.0) {
        return (x, rng);
    }
    (normal(&mut rng), rng)
}

/// rand_distr 0.6's ziggurat tables for the standard normal (src/ziggurat_tables.rs, generated
/// by its ziggurat_tables.py; MIT or Apache-2.0): 256 layers, copied digit for digit.
#[allow(clippy::excessive_precision)]
const ZIG_NORM_R: f64 = 3.654152885361008796;
#[rustfmt::skip]
#[allow(clippy::excessive_precision)]
static ZIG_NORM_X: [f64; 257] = [
    3.910757959537090045, 3.654152885361008796, 3.449278298560964462, 3.320244733839166074,
    3.224575052047029100, 3.147889289517149969, 3.083526132001233044, 3.027837791768635434,
    2.978603279880844834, 2.934366867207854224, 2.894121053612348060, 2.857138730872132548,
    2.822877396825325125, 2.790921174000785765, 2.760944005278822555, 2.732685359042827056,
    2.705933656121858100, 2.680514643284522158, 2.656283037575502437, 2.633116393630324570,
    2.610910518487548515, 2.589575986706995181, 2.569035452680536569, 2.549221550323460761,
    2.530075232158516929, 2.511544441625342294, 2.493583041269680667, 2.476149939669143318,
    2.459208374333311298, 2.442725318198956774, 2.426670984935725972, 2.411018413899685520,
    2.395743119780480601, 2.380822795170626005, 2.366237056715818632, 2.351967227377659952,
    2.337996148795031370, 2.324308018869623016, 2.310888250599850036, 2.297723348901329565,
    2.284800802722946056, 2.272108990226823888, 2.259637095172217780, 2.247375032945807760,
    2.235313384928327984, 2.223443340090905718, 2.211756642882544366, 2.200245546609647995,
    2.188902771624720689, 2.177721467738641614, 2.166695180352645966, 2.155817819875063268,
    2.145083634046203613, 2.134487182844320152, 2.124023315687815661, 2.113687150684933957,
    2.103474055713146829, 2.093379631137050279, 2.083399693996551783, 2.073530263516978778,
    2.063767547809956415, 2.054107931648864849, 2.044547965215732788, 2.035084353727808715,
    2.025713947862032960, 2.016433734904371722, 2.007240830558684852, 1.998132471356564244,
    1.989106007615571325, 1.980158896898598364, 1.971288697931769640, 1.962493064942461896,
    1.953769742382734043, 1.945116560006753925, 1.936531428273758904, 1.928012334050718257,
    1.919557336591228847, 1.911164563769282232, 1.902832208548446369, 1.894558525668710081,
    1.886341828534776388, 1.878180486290977669, 1.870072921069236838, 1.862017605397632281,
    1.854013059758148119, 1.846057850283119750, 1.838150586580728607, 1.830289919680666566,
    1.822474540091783224, 1.814703175964167636, 1.806974591348693426, 1.799287584547580199,
    1.791640986550010028, 1.784033659547276329, 1.776464495522344977, 1.768932414909077933,
    1.761436365316706665, 1.753975320315455111, 1.746548278279492994, 1.739154261283669012,
    1.731792314050707216, 1.724461502945775715, 1.717160915015540690, 1.709889657069006086,
    1.702646854797613907, 1.695431651932238548, 1.688243209434858727, 1.681080704722823338,
    1.673943330923760353, 1.666830296159286684, 1.659740822855789499, 1.652674147080648526,
    1.645629517902360339, 1.638606196773111146, 1.631603456932422036, 1.624620582830568427,
    1.617656869570534228, 1.610711622367333673, 1.603784156023583041, 1.596873794420261339,
    1.589979870021648534, 1.583101723393471438, 1.576238702733332886, 1.569390163412534456,
    1.562555467528439657, 1.555733983466554893, 1.548925085471535512, 1.542128153226347553,
    1.535342571438843118, 1.528567729435024614, 1.521803020758293101, 1.515047842773992404,
    1.508301596278571965, 1.501563685112706548, 1.494833515777718391, 1.488110497054654369,
    1.481394039625375747, 1.474683555695025516, 1.467978458615230908, 1.461278162507407830,
    1.454582081885523293, 1.447889631277669675, 1.441200224845798017, 1.434513276002946425,
    1.427828197027290358, 1.421144398672323117, 1.414461289772464658, 1.407778276843371534,
    1.401094763676202559, 1.394410150925071257, 1.387723835686884621, 1.381035211072741964,
    1.374343665770030531, 1.367648583594317957, 1.360949343030101844, 1.354245316759430606,
    1.347535871177359290, 1.340820365893152122, 1.334098153216083604, 1.327368577624624679,
    1.320630975217730096, 1.313884673146868964, 1.307128989027353860, 1.300363230327433728,
    1.293586693733517645, 1.286798664489786415, 1.279998415710333237, 1.273185207661843732,
    1.266358287014688333, 1.259516886060144225, 1.252660221891297887, 1.245787495544997903,
    1.238897891102027415, 1.231990574742445110, 1.225064693752808020, 1.218119375481726552,
    1.211153726239911244, 1.204166830140560140, 1.197157747875585931, 1.190125515422801650,
    1.183069142678760732, 1.175987612011489825, 1.168879876726833800, 1.161744859441574240,
    1.154581450355851802, 1.147388505416733873, 1.140164844363995789, 1.132909248648336975,
    1.125620459211294389, 1.118297174115062909, 1.110938046009249502, 1.103541679420268151,
    1.096106627847603487, 1.088631390649514197, 1.081114409698889389, 1.073554065787871714,
    1.065948674757506653, 1.058296483326006454, 1.050595664586207123, 1.042844313139370538,
    1.035040439828605274, 1.027181966030751292, 1.019266717460529215, 1.011292417434978441,
    1.003256679539591412, 0.995156999629943084, 0.986990747093846266, 0.978755155288937750,
    0.970447311058864615, 0.962064143217605250, 0.953602409875572654, 0.945058684462571130,
    0.936429340280896860, 0.927710533396234771, 0.918898183643734989, 0.909987953490768997,
    0.900975224455174528, 0.891855070726792376, 0.882622229578910122, 0.873271068082494550,
    0.863795545546826915, 0.854189171001560554, 0.844444954902423661, 0.834555354079518752,
    0.824512208745288633, 0.814306670128064347, 0.803929116982664893, 0.793369058833152785,
    0.782615023299588763, 0.771654424216739354, 0.760473406422083165, 0.749056662009581653,
    0.737387211425838629, 0.725446140901303549, 0.713212285182022732, 0.700661841097584448,
    0.687767892786257717, 0.674499822827436479, 0.660822574234205984, 0.646695714884388928,
    0.632072236375024632, 0.616896989996235545, 0.601104617743940417, 0.584616766093722262,
    0.567338257040473026, 0.549151702313026790, 0.529909720646495108, 0.509423329585933393,
    0.487443966121754335, 0.463634336771763245, 0.437518402186662658, 0.408389134588000746,
    0.375121332850465727, 0.335737519180459465, 0.286174591747260509, 0.215241895913273806,
    0.000000000000000000,
];
#[rustfmt::skip]
#[allow(clippy::excessive_precision)]
static ZIG_NORM_F: [f64; 257] = [
    0.000477467764586655, 0.001260285930498598, 0.002609072746106363, 0.004037972593371872,
    0.005522403299264754, 0.007050875471392110, 0.008616582769422917, 0.010214971439731100,
    0.011842757857943104, 0.013497450601780807, 0.015177088307982072, 0.016880083152595839,
    0.018605121275783350, 0.020351096230109354, 0.022117062707379922, 0.023902203305873237,
    0.025705804008632656, 0.027527235669693315, 0.029365939758230111, 0.031221417192023690,
    0.033093219458688698, 0.034980941461833073, 0.036884215688691151, 0.038802707404656918,
    0.040736110656078753, 0.042684144916619378, 0.044646552251446536, 0.046623094902089664,
    0.048613553216035145, 0.050617723861121788, 0.052635418276973649, 0.054666461325077916,
    0.056710690106399467, 0.058767952921137984, 0.060838108349751806, 0.062921024437977854,
    0.065016577971470438, 0.067124653828023989, 0.069245144397250269, 0.071377949059141965,
    0.073522973714240991, 0.075680130359194964, 0.077849336702372207, 0.080030515814947509,
    0.082223595813495684, 0.084428509570654661, 0.086645194450867782, 0.088873592068594229,
    0.091113648066700734, 0.093365311913026619, 0.095628536713353335, 0.097903279039215627,
    0.100189498769172020, 0.102487158942306270, 0.104796225622867056, 0.107116667775072880,
    0.109448457147210021, 0.111791568164245583, 0.114145977828255210, 0.116511665626037014,
    0.118888613443345698, 0.121276805485235437, 0.123676228202051403, 0.126086870220650349,
    0.128508722280473636, 0.130941777174128166, 0.133386029692162844, 0.135841476571757352,
    0.138308116449064322, 0.140785949814968309, 0.143274978974047118, 0.145775208006537926,
    0.148286642733128721, 0.150809290682410169, 0.153343161060837674, 0.155888264725064563,
    0.158444614156520225, 0.161012223438117663, 0.163591108232982951, 0.166181285765110071,
    0.168782774801850333, 0.171395595638155623, 0.174019770082499359, 0.176655321444406654,
    0.179302274523530397, 0.181960655600216487, 0.184630492427504539, 0.187311814224516926,
    0.190004651671193070, 0.192709036904328807, 0.195425003514885592, 0.198152586546538112,
    0.200891822495431333, 0.203642749311121501, 0.206405406398679298, 0.209179834621935651,
    0.211966076307852941, 0.214764175252008499, 0.217574176725178370, 0.220396127481011589,
    0.223230075764789593, 0.226076071323264877, 0.228934165415577484, 0.231804410825248525,
    0.234686861873252689, 0.237581574432173676, 0.240488605941449107, 0.243408015423711988,
    0.246339863502238771, 0.249284212419516704, 0.252241126056943765, 0.255210669955677150,
    0.258192911338648023, 0.261187919133763713, 0.264195763998317568, 0.267216518344631837,
    0.270250256366959984, 0.273297054069675804, 0.276356989296781264, 0.279430141762765316,
    0.282516593084849388, 0.285616426816658109, 0.288729728483353931, 0.291856585618280984,
    0.294997087801162572, 0.298151326697901342, 0.301319396102034120, 0.304501391977896274,
    0.307697412505553769, 0.310907558127563710, 0.314131931597630143, 0.317370638031222396,
    0.320623784958230129, 0.323891482377732021, 0.327173842814958593, 0.330470981380537099,
    0.333783015832108509, 0.337110066638412809, 0.340452257045945450, 0.343809713148291340,
    0.347182563958251478, 0.350570941482881204, 0.353974980801569250, 0.357394820147290515,
    0.360830600991175754, 0.364282468130549597, 0.367750569780596226, 0.371235057669821344,
    0.374736087139491414, 0.378253817247238111, 0.381788410875031348, 0.385340034841733958,
    0.388908860020464597, 0.392495061461010764, 0.396098818517547080, 0.399720314981931668,
    0.403359739222868885, 0.407017284331247953, 0.410693148271983222, 0.414387534042706784,
    0.418100649839684591, 0.421832709231353298, 0.425583931339900579, 0.429354541031341519,
    0.433144769114574058, 0.436954852549929273, 0.440785034667769915, 0.444635565397727750,
    0.448506701509214067, 0.452398706863882505, 0.456311852680773566, 0.460246417814923481,
    0.464202689050278838, 0.468180961407822172, 0.472181538469883255, 0.476204732721683788,
    0.480250865911249714, 0.484320269428911598, 0.488413284707712059, 0.492530263646148658,
    0.496671569054796314, 0.500837575128482149, 0.505028667945828791, 0.509245245998136142,
    0.513487720749743026, 0.517756517232200619, 0.522052074674794864, 0.526374847174186700,
    0.530725304406193921, 0.535103932383019565, 0.539511234259544614, 0.543947731192649941,
    0.548413963257921133, 0.552910490428519918, 0.557437893621486324, 0.561996775817277916,
    0.566587763258951771, 0.571211506738074970, 0.575868682975210544, 0.580559996103683473,
    0.585286179266300333, 0.590047996335791969, 0.594846243770991268, 0.599681752622167719,
    0.604555390700549533, 0.609468064928895381, 0.614420723892076803, 0.619414360609039205,
    0.624450015550274240, 0.629528779928128279, 0.634651799290960050, 0.639820277456438991,
    0.645035480824251883, 0.650298743114294586, 0.655611470583224665, 0.660975147780241357,
    0.666391343912380640, 0.671861719900766374, 0.677388036222513090, 0.682972161648791376,
    0.688616083008527058, 0.694321916130032579, 0.700091918140490099, 0.705928501336797409,
    0.711834248882358467, 0.717811932634901395, 0.723864533472881599, 0.729995264565802437,
    0.736207598131266683, 0.742505296344636245, 0.748892447223726720, 0.755373506511754500,
    0.761953346841546475, 0.768637315803334831, 0.775431304986138326, 0.782341832659861902,
    0.789376143571198563, 0.796542330428254619, 0.803849483176389490, 0.811307874318219935,
    0.818929191609414797, 0.826726833952094231, 0.834716292992930375, 0.842915653118441077,
    0.851346258465123684, 0.860033621203008636, 0.869008688043793165, 0.878309655816146839,
    0.887984660763399880, 0.898095921906304051, 0.908726440060562912, 0.919991505048360247,
    0.932060075968990209, 0.945198953453078028, 0.959879091812415930, 0.977101701282731328,
    1.000000000000000000,
];

/// A Poisson count with mean `lambda`, `p0` being e^(−λ).
fn poisson(lambda: f64, p0: f64, rng: &mut impl Rng) -> u32 {
    if lambda >= INVERSION_LIMIT {
        return Poisson::new(lambda).expect("a finite positive rate").sample(rng) as u32;
    }
    // Inversion: the smallest k whose cumulative probability reaches u.
    let (mut k, mut p, target, mut reached) = (0u32, p0, unit(rng), p0);
    while reached < target && p > 0.0 {
        k += 1;
        p *= lambda * RECIPROCALS.get(k as usize).copied().unwrap_or_else(|| 1.0 / f64::from(k));
        reached += p;
    }
    k
}

/// The years of a chunk with at least one event, and how many: what the losses are drawn for.
#[derive(Debug, Default)]
pub struct Strikes {
    pub years: Vec<u32>,
    pub counts: Vec<u32>,
    /// The sum of `counts`.
    events: usize,
    /// Working memory for the year-by-year rates.
    rates: Vec<f64>,
    quiet: Vec<f64>,
}

impl Strikes {
    fn push(&mut self, year: usize, count: u32) {
        self.years.push(year as u32);
        self.counts.push(count);
        self.events += count as usize;
    }

    pub fn events(&self) -> usize {
        self.events
    }
}

/// Buckets of the guide to a count table: a uniform draw starts its search at its bucket's
/// first count, so inversion takes a step or two instead of walking from one.
const GUIDE: usize = 256;

/// The inversion table of a year's count (Chen and Asau's guided search): the same count as
/// walking the cumulative probabilities from the start, found from a bucket's first entry.
#[derive(Debug, Clone, PartialEq)]
pub struct CountTable {
    /// `beyond_zero[k - 1]` is P(1 ≤ N ≤ k); its last entry is the probability of a busy year.
    /// One more entry, +∞, ends every search.
    beyond_zero: Vec<f64>,
    /// Per bucket [j/GUIDE, (j+1)/GUIDE), the first index whose entry is above j/GUIDE.
    guide: Box<[u16; GUIDE]>,
}

impl CountTable {
    fn new(mut beyond_zero: Vec<f64>) -> CountTable {
        beyond_zero.push(f64::INFINITY);
        let mut guide = Box::new([0u16; GUIDE]);
        let mut at = 0;
        for (j, slot) in guide.iter_mut().enumerate() {
            let start = j as f64 / GUIDE as f64;
            while beyond_zero[at] <= start {
                at += 1;
            }
            *slot = at as u16;
        }
        CountTable { beyond_zero, guide }
    }

    /// The entries, without the closing +∞.
    fn len(&self) -> usize {
        self.beyond_zero.len() - 1
    }

    /// The probability of a year with at least one event.
    pub fn busy(&self) -> f64 {
        self.beyond_zero[self.len() - 1]
    }

    /// The smallest index whose entry is above `u` (in [0, 1)): `len()` when `u` is at or above
    /// the probability of a busy year, else the count less one.
    #[inline(always)]
    fn search(&self, u: f64) -> usize {
        self.search_from(u, (u * GUIDE as f64) as usize & (GUIDE - 1))
    }

    /// [`Self::search`] for the uniform `rng.random::<f64>()` makes of `bits` (its top 53 bits
    /// over 2^53), whose bucket is then its top 8 bits.
    #[inline(always)]
    fn search_bits(&self, bits: u64) -> usize {
        self.search_from((bits >> 11) as f64 * (1.0 / (1u64 << 53) as f64), (bits >> 56) as usize)
    }

    #[inline(always)]
    fn search_from(&self, u: f64, bucket: usize) -> usize {
        let mut at = usize::from(self.guide[bucket]);
        while u >= self.beyond_zero[at] {
            at += 1;
        }
        at
    }
}

/// How the year's event count is drawn for one (provider, failure mode).
#[derive(Debug, Clone, PartialEq)]
pub enum Frequency {
    /// The year's count by inversion of its distribution, worked out once: the table holds
    /// P(1 ≤ N ≤ k) for the mixed Poisson (Poisson with a lognormal rate), whose last entry is
    /// the probability of a busy year. `skip` visits only busy years (geometric gaps) where
    /// most years are quiet.
    Table { table: CountTable, skip: bool },
    /// Rates that can run past [`INVERSION_LIMIT`]: each year's rate drawn, then its count.
    Direct { rate: LogNormal90 },
}

/// Years are skipped when fewer than this share of them has an event; above it, visiting every
/// year with one draw each is cheaper (measured with benches/money.rs).
const SKIP_BELOW: f64 = 0.25;
/// The table stops here; the probability beyond is below 1e-12 for every rate the table takes.
const TABLE_MAX: usize = 160;
/// The highest rate, at the rate's z = 6, that a table is built for.
const TABLE_RATE_LIMIT: f64 = 80.0;

impl Frequency {
    /// `None` for a rate of zero: nothing to draw.
    pub fn new(range: Range) -> Option<Frequency> {
        if range.high <= 0.0 {
            return None;
        }
        let rate = LogNormal90::fit(range);
        // Tables for rates that stay well inside the table far into their tail (z = 6, one in a
        // billion): P(N > 160) is then below 1e-12. The others year by year.
        if rate.at(6.0) >= TABLE_RATE_LIMIT {
            return Some(Frequency::Direct { rate });
        }
        let table = CountTable::new(mixed_poisson_beyond_zero(&rate));
        Some(Frequency::Table { skip: table.busy() < SKIP_BELOW, table })
    }

    /// The years in `0..years` with at least one event, in order, and their counts, into `out`
    /// (cleared first).
    pub fn strikes<R: Rng + Clone>(&self, rng: &mut R, years: usize, out: &mut Strikes) {
        if let Frequency::Table { table, skip: false } = self {
            // It writes every slot it keeps: the buffers need no clearing first.
            return every_year(table, rng, years, out);
        }
        out.years.clear();
        out.counts.clear();
        out.events = 0;
        match self {
            Frequency::Direct { rate } => {
                // In batches: every year's rate, then every e^(−rate), then the counts.
                out.rates.clear();
                match rate.exact {
                    Some(lambda) => out.rates.resize(years, lambda),
                    None => {
                        out.rates.extend((0..years).map(|_| rate.mu + rate.sigma * normal(rng)));
                        exp_all(&mut out.rates);
                    }
                }
                out.quiet.clear();
                out.quiet.extend(out.rates.iter().map(|&lambda| -lambda));
                exp_all(&mut out.quiet);
                for year in 0..years {
                    let count = poisson(out.rates[year], out.quiet[year], rng);
                    if count > 0 {
                        out.push(year, count);
                    }
                }
            }
            Frequency::Table { skip: false, .. } => unreachable!("drawn above"),
            Frequency::Table { table, skip: true } => {
                let busy = table.busy();
                // Plain-Rust logarithms (super::exp): the C library's last bits vary by CPU.
                let per_ln = 1.0 / ln_1p(-busy);
                let last = table.len() - 1;
                let mut year = 0usize;
                loop {
                    // Quiet years before the next busy one: geometric. The float-to-int cast
                    // saturates, so a very rare mode simply skips past the end.
                    year = year.saturating_add((ln(unit(rng)) * per_ln) as usize);
                    if year >= years {
                        return;
                    }
                    // The count given a busy year: u below the busy probability (rounding can
                    // bring u · busy up to it: the last count).
                    out.push(year, table.search(rng.random::<f64>() * busy).min(last) as u32 + 1);
                    year += 1;
                }
            }
        }
    }
}

/// Every year's count from `table`, for rows busy often enough that visiting each year is
/// cheaper than skipping: every year written, a busy one kept by moving on, so that there is no
/// branch to mispredict on years that are busy about half the time. Apart, with its own copy of
/// the generator, so that the generator's state stays in registers.
#[inline(never)]
fn every_year<R: Rng + Clone>(table: &CountTable, rng: &mut R, years: usize, out: &mut Strikes) {
    let mut local = rng.clone();
    let quiet = table.len();
    out.years.resize(years, 0);
    out.counts.resize(years, 0);
    let (busy_years, counts) = (&mut out.years[..], &mut out.counts[..]);
    let (mut busy, mut events) = (0, 0);
    for year in 0..years {
        let at = table.search_bits(local.next_u64());
        let count = if at < quiet { at + 1 } else { 0 };
        busy_years[busy] = year as u32;
        counts[busy] = count as u32;
        busy += usize::from(at < quiet);
        events += count;
    }
    out.years.truncate(busy);
    out.counts.truncate(busy);
    out.events = events;
    *rng = local;
}

/// P(1 ≤ N ≤ k) for k = 1 … for N Poisson with a lognormal rate: the Poisson probabilities
/// averaged over the rate by Simpson's rule on the standard normal deviate from −8 to 8 (smooth
/// integrands; 128 steps give them to about 1e-9). A single-value rate is plain Poisson. This is
/// the distribution of "draw the year's rate, then its count", computed instead of drawn, so a
/// year costs one uniform draw.
fn mixed_poisson_beyond_zero(rate: &LogNormal90) -> Vec<f64> {
    const STEPS: usize = 128;
    const SPAN: f64 = 8.0;
    let mut pmf = vec![0.0; TABLE_MAX + 1];
    let mut add = |lambda: f64, weight: f64| {
        let mut p = exp(-lambda) * weight;
        for (k, slot) in pmf.iter_mut().enumerate() {
            if k > 0 {
                p *= lambda / k as f64;
            }
            *slot += p;
            if p < 1e-300 && k as f64 > lambda {
                break;
            }
        }
    };
    match rate.exact {
        Some(lambda) => add(lambda, 1.0),
        None => {
            let h = 2.0 * SPAN / STEPS as f64;
            let density = |z: f64| exp(-z * z / 2.0) / (2.0 * std::f64::consts::PI).sqrt();
            for i in 0..=STEPS {
                let z = -SPAN + i as f64 * h;
                let weight = if i == 0 || i == STEPS {
                    1.0
                } else if i % 2 == 1 {
                    4.0
                } else {
                    2.0
                };
                add(rate.at(z), weight * density(z) * h / 3.0);
            }
        }
    }
    let mut beyond_zero: Vec<f64> = pmf[1..]
        .iter()
        .scan(0.0, |sum, p| {
            *sum += p;
            Some(*sum)
        })
        .collect();
    // Trailing entries that add nothing are dropped: the scan stops sooner.
    while beyond_zero.len() > 1 && beyond_zero[beyond_zero.len() - 1] == beyond_zero[beyond_zero.len() - 2] {
        beyond_zero.pop();
    }
    beyond_zero
}

/// `count` events' losses into `out` (cleared first): lognormal with the loss range as its 90 %
/// interval, drawn in a batch so that the exponentials vectorise. Each loss is e^(μ + σZ) to
/// single precision ([`exp_single_all`], relative error below 3e-7: the precision a provider's
/// year is stored at, far inside the simulation's sampling error); the sums stay in f64.
pub fn losses<R: Rng + Clone>(fit: &LogNormal90, rng: &mut R, count: usize, out: &mut Vec<f64>) {
    match fit.exact {
        Some(value) => {
            out.clear();
            out.resize(count, value);
        }
        None => {
            // Every slot is written below: what the buffer held is only overwritten (no fill).
            out.resize(count, 0.0);
            log_losses(fit.mu, fit.sigma, rng, out);
            exp_single_all(out);
        }
    }
}

/// μ + σZ into each slot: the logarithms of the losses. Apart, with its own copy of the
/// generator, so that the generator's state stays in registers.
#[inline(never)]
fn log_losses<R: Rng + Clone>(mu: f64, sigma: f64, rng: &mut R, out: &mut [f64]) {
    let mut local = rng.clone();
    for slot in out {
        *slot = mu + sigma * normal(&mut local);
    }
    *rng = local;
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::rngs::Xoshiro256PlusPlus;
    use rand::SeedableRng;

    /// Every year's count, zeros included.
    fn counts(range: Range, years: usize, seed: u64) -> Vec<u32> {
        let mut out = vec![0; years];
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        let mut strikes = Strikes::default();
        Frequency::new(range).unwrap().strikes(&mut rng, years, &mut strikes);
        for (&year, &count) in strikes.years.iter().zip(&strikes.counts) {
            out[year as usize] = count;
        }
        out
    }

    fn mean_and_variance(values: impl Iterator<Item = f64> + Clone) -> (f64, f64) {
        let n = values.clone().count() as f64;
        let mean = values.clone().sum::<f64>() / n;
        (mean, values.map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0))
    }

    fn close(actual: f64, expected: f64, tolerance: f64) -> bool {
        (actual - expected).abs() <= tolerance * expected
    }

    #[test]
    fn counts_at_a_constant_rate_have_poisson_mean_and_variance() {
        // 0.2 a year skips quiet years, 4 and 40 a year visit each, 100 a year draws each year's count.
        for rate in [0.2, 4.0, 40.0, 100.0] {
            let c = counts(Range::exactly(rate), 200_000, 7);
            let (mean, variance) = mean_and_variance(c.iter().map(|&n| f64::from(n)));
            assert!(close(mean, rate, 0.01), "rate {rate}: mean {mean}");
            assert!(close(variance, rate, 0.02), "rate {rate}: variance {variance}");
        }
    }

    #[test]
    fn counts_with_an_uncertain_rate_have_the_mixed_poisson_moments() {
        // Mean E[Λ], variance E[Λ] + Var[Λ], Λ lognormal on the range.
        for range in [Range { low: 0.02, high: 0.1 }, Range { low: 0.3, high: 1.0 }, Range { low: 3.0, high: 10.0 }] {
            let fit = LogNormal90::fit(range);
            let mean_rate = fit.mean();
            let var_rate = mean_rate * mean_rate * ((fit.sigma * fit.sigma).exp() - 1.0);
            let c = counts(range, 400_000, 11);
            let (mean, variance) = mean_and_variance(c.iter().map(|&n| f64::from(n)));
            assert!(close(mean, mean_rate, 0.02), "{range:?}: mean {mean} vs {mean_rate}");
            assert!(close(variance, mean_rate + var_rate, 0.03), "{range:?}: variance {variance} vs {}", mean_rate + var_rate);
        }
    }

    #[test]
    fn losses_hit_both_ends_of_their_90_percent_interval() {
        let fit = LogNormal90::fit(Range { low: 2_000.0, high: 80_000.0 });
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(3);
        let mut draws = Vec::new();
        losses(&fit, &mut rng, 100_000, &mut draws);
        draws.sort_by(f64::total_cmp);
        let (p5, p95) = (draws[5_000], draws[95_000]);
        assert!(close(p5, 2_000.0, 0.03), "5th percentile {p5}");
        assert!(close(p95, 80_000.0, 0.03), "95th percentile {p95}");
    }

    #[test]
    fn normals_are_rand_distrs_standard_normal() {
        let (mut ours, mut theirs) = (Xoshiro256PlusPlus::seed_from_u64(9), Xoshiro256PlusPlus::seed_from_u64(9));
        let mut tail = 0;
        for _ in 0..300_000 {
            let expected: f64 = rand_distr::StandardNormal.sample(&mut theirs);
            let drawn = normal(&mut ours);
            if expected.abs() > ZIG_NORM_R {
                // The tail goes through our ln, not the C library's: the last bit or so.
                assert!((drawn - expected).abs() <= 4.0 * f64::EPSILON * expected.abs(), "{drawn} vs {expected}");
                tail += 1;
            } else {
                assert_eq!(drawn, expected);
            }
        }
        assert!(tail > 10, "{tail} tail draws");
    }

    #[test]
    fn the_guided_search_finds_the_count_a_walk_from_one_finds() {
        for range in [Range { low: 0.02, high: 0.1 }, Range { low: 1.0, high: 3.0 }, Range { low: 3.0, high: 10.0 }, Range::exactly(40.0)] {
            let Some(Frequency::Table { table, .. }) = Frequency::new(range) else { panic!("{range:?} has a table") };
            let mut rng = Xoshiro256PlusPlus::seed_from_u64(13);
            for _ in 0..100_000 {
                let bits = rng.next_u64();
                let u = (bits >> 11) as f64 / (1u64 << 53) as f64;
                let walk = table.beyond_zero.iter().position(|&p| u < p).unwrap();
                assert_eq!((table.search_bits(bits), table.search(u)), (walk, walk), "{range:?} at {u}");
            }
        }
    }

    #[test]
    fn the_tables_probability_of_a_busy_year_matches_a_brute_force_mean() {
        let fit = LogNormal90::fit(Range { low: 0.05, high: 2.0 });
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(5);
        let n = 400_000;
        let brute = (0..n).map(|_| -(-fit.at(normal(&mut rng))).exp_m1()).sum::<f64>() / f64::from(n);
        let table = mixed_poisson_beyond_zero(&fit);
        assert!(close(table[table.len() - 1], brute, 0.005));
    }
}
