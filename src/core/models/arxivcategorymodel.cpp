// SPDX-License-Identifier: GPL-3.0-or-later
#include "arxivcategorymodel.h"

#include "arxiv/arxivcategory.h"

#include <QHash>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace {

// arXiv's category taxonomy (https://arxiv.org/category_taxonomy). Names are arXiv's own, in English.
QList<ArxivCategoryModel::Category> buildTaxonomy()
{
    struct Group { const char16_t *prefix; const char16_t *group; QList<std::pair<const char16_t *, const char16_t *>> entries; };
    const QList<Group> groups = {
        {u"cs.", u"Computer Science", {
            {u"AI", u"Artificial Intelligence"}, {u"AR", u"Hardware Architecture"},
            {u"CC", u"Computational Complexity"}, {u"CE", u"Computational Engineering, Finance, and Science"},
            {u"CG", u"Computational Geometry"}, {u"CL", u"Computation and Language"},
            {u"CR", u"Cryptography and Security"}, {u"CV", u"Computer Vision and Pattern Recognition"},
            {u"CY", u"Computers and Society"}, {u"DB", u"Databases"},
            {u"DC", u"Distributed, Parallel, and Cluster Computing"}, {u"DL", u"Digital Libraries"},
            {u"DM", u"Discrete Mathematics"}, {u"DS", u"Data Structures and Algorithms"},
            {u"ET", u"Emerging Technologies"}, {u"FL", u"Formal Languages and Automata Theory"},
            {u"GL", u"General Literature"}, {u"GR", u"Graphics"}, {u"GT", u"Computer Science and Game Theory"},
            {u"HC", u"Human-Computer Interaction"}, {u"IR", u"Information Retrieval"},
            {u"IT", u"Information Theory"}, {u"LG", u"Machine Learning"}, {u"LO", u"Logic in Computer Science"},
            {u"MA", u"Multiagent Systems"}, {u"MM", u"Multimedia"}, {u"MS", u"Mathematical Software"},
            {u"NA", u"Numerical Analysis"}, {u"NE", u"Neural and Evolutionary Computing"},
            {u"NI", u"Networking and Internet Architecture"}, {u"OH", u"Other Computer Science"},
            {u"OS", u"Operating Systems"}, {u"PF", u"Performance"}, {u"PL", u"Programming Languages"},
            {u"RO", u"Robotics"}, {u"SC", u"Symbolic Computation"}, {u"SD", u"Sound"},
            {u"SE", u"Software Engineering"}, {u"SI", u"Social and Information Networks"},
            {u"SY", u"Systems and Control"}}},
        {u"stat.", u"Statistics", {
            {u"AP", u"Applications"}, {u"CO", u"Computation"}, {u"ME", u"Methodology"},
            {u"ML", u"Machine Learning"}, {u"OT", u"Other Statistics"}, {u"TH", u"Statistics Theory"}}},
        {u"eess.", u"Electrical Engineering and Systems Science", {
            {u"AS", u"Audio and Speech Processing"}, {u"IV", u"Image and Video Processing"},
            {u"SP", u"Signal Processing"}, {u"SY", u"Systems and Control"}}},
        {u"math.", u"Mathematics", {
            {u"AC", u"Commutative Algebra"}, {u"AG", u"Algebraic Geometry"}, {u"AP", u"Analysis of PDEs"},
            {u"AT", u"Algebraic Topology"}, {u"CA", u"Classical Analysis and ODEs"}, {u"CO", u"Combinatorics"},
            {u"CT", u"Category Theory"}, {u"CV", u"Complex Variables"}, {u"DG", u"Differential Geometry"},
            {u"DS", u"Dynamical Systems"}, {u"FA", u"Functional Analysis"}, {u"GM", u"General Mathematics"},
            {u"GN", u"General Topology"}, {u"GR", u"Group Theory"}, {u"GT", u"Geometric Topology"},
            {u"HO", u"History and Overview"}, {u"IT", u"Information Theory"}, {u"KT", u"K-Theory and Homology"},
            {u"LO", u"Logic"}, {u"MG", u"Metric Geometry"}, {u"MP", u"Mathematical Physics"},
            {u"NA", u"Numerical Analysis"}, {u"NT", u"Number Theory"}, {u"OA", u"Operator Algebras"},
            {u"OC", u"Optimization and Control"}, {u"PR", u"Probability"}, {u"QA", u"Quantum Algebra"},
            {u"RA", u"Rings and Algebras"}, {u"RT", u"Representation Theory"}, {u"SG", u"Symplectic Geometry"},
            {u"SP", u"Spectral Theory"}, {u"ST", u"Statistics Theory"}}},
        {u"q-bio.", u"Quantitative Biology", {
            {u"BM", u"Biomolecules"}, {u"CB", u"Cell Behavior"}, {u"GN", u"Genomics"},
            {u"MN", u"Molecular Networks"}, {u"NC", u"Neurons and Cognition"},
            {u"OT", u"Other Quantitative Biology"}, {u"PE", u"Populations and Evolution"},
            {u"QM", u"Quantitative Methods"}, {u"SC", u"Subcellular Processes"}, {u"TO", u"Tissues and Organs"}}},
        {u"q-fin.", u"Quantitative Finance", {
            {u"CP", u"Computational Finance"}, {u"EC", u"Economics"}, {u"GN", u"General Finance"},
            {u"MF", u"Mathematical Finance"}, {u"PM", u"Portfolio Management"}, {u"PR", u"Pricing of Securities"},
            {u"RM", u"Risk Management"}, {u"ST", u"Statistical Finance"},
            {u"TR", u"Trading and Market Microstructure"}}},
        {u"econ.", u"Economics", {
            {u"EM", u"Econometrics"}, {u"GN", u"General Economics"}, {u"TH", u"Theoretical Economics"}}},
        {u"astro-ph.", u"Astrophysics", {
            {u"CO", u"Cosmology and Nongalactic Astrophysics"}, {u"EP", u"Earth and Planetary Astrophysics"},
            {u"GA", u"Astrophysics of Galaxies"}, {u"HE", u"High Energy Astrophysical Phenomena"},
            {u"IM", u"Instrumentation and Methods for Astrophysics"}, {u"SR", u"Solar and Stellar Astrophysics"}}},
        {u"cond-mat.", u"Condensed Matter", {
            {u"dis-nn", u"Disordered Systems and Neural Networks"}, {u"mes-hall", u"Mesoscale and Nanoscale Physics"},
            {u"mtrl-sci", u"Materials Science"}, {u"other", u"Other Condensed Matter"},
            {u"quant-gas", u"Quantum Gases"}, {u"soft", u"Soft Condensed Matter"},
            {u"stat-mech", u"Statistical Mechanics"}, {u"str-el", u"Strongly Correlated Electrons"},
            {u"supr-con", u"Superconductivity"}}},
        {u"", u"Physics", {
            {u"gr-qc", u"General Relativity and Quantum Cosmology"}, {u"hep-ex", u"High Energy Physics - Experiment"},
            {u"hep-lat", u"High Energy Physics - Lattice"}, {u"hep-ph", u"High Energy Physics - Phenomenology"},
            {u"hep-th", u"High Energy Physics - Theory"}, {u"math-ph", u"Mathematical Physics"},
            {u"nucl-ex", u"Nuclear Experiment"}, {u"nucl-th", u"Nuclear Theory"}, {u"quant-ph", u"Quantum Physics"},
            {u"astro-ph", u"Astrophysics"}}},
        {u"nlin.", u"Nonlinear Sciences", {
            {u"AO", u"Adaptation and Self-Organizing Systems"}, {u"CD", u"Chaotic Dynamics"},
            {u"CG", u"Cellular Automata and Lattice Gases"}, {u"PS", u"Pattern Formation and Solitons"},
            {u"SI", u"Exactly Solvable and Integrable Systems"}}},
        {u"physics.", u"Physics", {
            {u"acc-ph", u"Accelerator Physics"}, {u"ao-ph", u"Atmospheric and Oceanic Physics"},
            {u"app-ph", u"Applied Physics"}, {u"atm-clus", u"Atomic and Molecular Clusters"},
            {u"atom-ph", u"Atomic Physics"}, {u"bio-ph", u"Biological Physics"}, {u"chem-ph", u"Chemical Physics"},
            {u"class-ph", u"Classical Physics"}, {u"comp-ph", u"Computational Physics"},
            {u"data-an", u"Data Analysis, Statistics and Probability"}, {u"ed-ph", u"Physics Education"},
            {u"flu-dyn", u"Fluid Dynamics"}, {u"gen-ph", u"General Physics"}, {u"geo-ph", u"Geophysics"},
            {u"hist-ph", u"History and Philosophy of Physics"}, {u"ins-det", u"Instrumentation and Detectors"},
            {u"med-ph", u"Medical Physics"}, {u"optics", u"Optics"}, {u"plasm-ph", u"Plasma Physics"},
            {u"pop-ph", u"Popular Physics"}, {u"soc-ph", u"Physics and Society"}, {u"space-ph", u"Space Physics"}}},
    };
    QList<ArxivCategoryModel::Category> out;
    for (const Group &g : groups) {
        for (const auto &[code, name] : g.entries) {
            out.append({QString::fromUtf16(g.prefix) + QString::fromUtf16(code), QString::fromUtf16(name),
                        QString::fromUtf16(g.group)});
        }
    }
    return out;
}

} // namespace

ArxivCategoryModel::ArxivCategoryModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_rows(known())
{
}

const QList<ArxivCategoryModel::Category> &ArxivCategoryModel::known()
{
    static const QList<Category> taxonomy = buildTaxonomy();
    return taxonomy;
}

bool ArxivCategoryModel::isKnown(const QString &id)
{
    return !nameOf(id).isEmpty();
}

QString ArxivCategoryModel::nameOf(const QString &id)
{
    static const QHash<QString, QString> names = [] {
        QHash<QString, QString> h;
        for (const Category &c : known())
            h.insert(c.id, c.name);
        return h;
    }();
    return names.value(id);
}

QString ArxivCategoryModel::validate(const QString &id)
{
    if (id.isEmpty())
        return tr("Type a category such as cs.LG.");
    if (!ArxivCategory::isWellFormed(id))
        return tr("“%1” is not written like an arXiv category (for example cs.LG or hep-th).").arg(id);
    if (!isKnown(id)) {
        // Help with the usual slip: the right letters in the wrong case.
        for (const Category &c : known()) {
            if (c.id.compare(id, Qt::CaseInsensitive) == 0)
                return tr("Unknown category “%1”: did you mean %2?").arg(id, c.id);
        }
        return tr("Unknown category “%1”: arXiv has no such listing.").arg(id);
    }
    return {};
}

void ArxivCategoryModel::setSelected(const QStringList &ids)
{
    beginResetModel();
    m_rows = known();
    m_selected.clear();
    for (const QString &id : ids) {
        const QString t = id.trimmed();
        if (t.isEmpty() || m_selected.contains(t))
            continue;
        m_selected.append(t);
        if (!isKnown(t))
            m_rows.append({t, QString(), tr("Other")});
    }
    endResetModel();
    emit selectionChanged();
}

QStringList ArxivCategoryModel::selected() const
{
    return m_selected;
}

int ArxivCategoryModel::rowOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return int(i);
    }
    return -1;
}

int ArxivCategoryModel::addCategory(const QString &rawId)
{
    const QString id = rawId.trimmed();
    if (id.isEmpty())
        return -1;
    int row = rowOf(id);
    if (row < 0) {
        row = int(m_rows.size());
        beginInsertRows({}, row, row);
        m_rows.append({id, QString(), tr("Other")});
        endInsertRows();
    }
    if (!m_selected.contains(id)) {
        m_selected.append(id);
        emit dataChanged(index(row), index(row), {Qt::CheckStateRole});
        emit selectionChanged();
    }
    return row;
}

int ArxivCategoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ArxivCategoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Category &c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return c.name.isEmpty() ? tr("%1 — not an arXiv category").arg(c.id) : c.id + u" — "_s + c.name;
    case Qt::ToolTipRole: return c.name.isEmpty() ? validate(c.id) : c.group + u": "_s + c.name;
    case Qt::CheckStateRole: return m_selected.contains(c.id) ? Qt::Checked : Qt::Unchecked;
    case IdRole: return c.id;
    case NameRole: return c.name;
    case GroupRole: return c.group;
    case KnownRole: return !c.name.isEmpty();
    default: return {};
    }
}

bool ArxivCategoryModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString id = m_rows.at(index.row()).id;
    const bool checked = value.toInt() == Qt::Checked;
    if (checked == m_selected.contains(id))
        return true;
    if (checked)
        m_selected.append(id);
    else
        m_selected.removeAll(id);
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit selectionChanged();
    return true;
}

Qt::ItemFlags ArxivCategoryModel::flags(const QModelIndex &index) const
{
    return QAbstractListModel::flags(index) | Qt::ItemIsUserCheckable;
}
