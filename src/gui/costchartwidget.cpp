// SPDX-License-Identifier: GPL-3.0-or-later
#include "costchartwidget.h"

#include "text/costformat.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

CostChartWidget::CostChartWidget(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void CostChartWidget::setCosts(const QList<QPair<QDate, double>> &costs)
{
    m_costs = costs;
    update();
}

QRect CostChartWidget::plotRect() const
{
    const QFontMetrics fm = fontMetrics();
    const int left = fm.horizontalAdvance(u"$00.00"_s) + 8;
    return rect().adjusted(left, fm.height() + 4, -8, -(fm.height() + 6));
}

int CostChartWidget::barAt(const QPoint &pos) const
{
    const QRect plot = plotRect();
    if (m_costs.isEmpty() || !plot.contains(pos))
        return -1;
    const double slot = double(plot.width()) / m_costs.size();
    return std::clamp(int((pos.x() - plot.left()) / slot), 0, int(m_costs.size()) - 1);
}

void CostChartWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QRect plot = plotRect();
    const QFontMetrics fm = fontMetrics();

    double max = 0, total = 0;
    for (const auto &c : m_costs) {
        max = std::max(max, c.second);
        total += c.second;
    }
    // A round top for the scale: 0.5, 1, 2, 5 × 10^n.
    double top = 0.1;
    if (max > 0) {
        const double mag = std::pow(10.0, std::floor(std::log10(max)));
        for (double step : {1.0, 2.0, 5.0, 10.0}) {
            top = step * mag;
            if (top >= max)
                break;
        }
    }

    QColor grid = pal.color(QPalette::Text);
    grid.setAlphaF(0.15);
    QColor dim = pal.color(QPalette::Text);
    dim.setAlphaF(0.65);
    p.setPen(dim);
    p.drawText(QRect(0, 0, width() - 8, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
               tr("%1 over %n day(s)", nullptr, int(m_costs.size())).arg(CostFormat::usd(total)));
    for (int i = 0; i <= 2; ++i) {
        const int y = plot.bottom() - plot.height() * i / 2;
        p.setPen(grid);
        p.drawLine(plot.left(), y, plot.right(), y);
        p.setPen(dim);
        p.drawText(QRect(0, y - fm.height() / 2, plot.left() - 6, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   CostFormat::usd(top * i / 2));
    }
    if (m_costs.isEmpty())
        return;

    const double slot = double(plot.width()) / m_costs.size();
    const double barWidth = std::max(2.0, slot * 0.7);
    const QColor bar = pal.color(QPalette::Highlight);
    const QDate today = m_costs.last().first;
    for (qsizetype i = 0; i < m_costs.size(); ++i) {
        const double h = top > 0 ? plot.height() * m_costs.at(i).second / top : 0;
        const QRectF r(plot.left() + i * slot + (slot - barWidth) / 2, plot.bottom() - h, barWidth, h);
        if (h > 0)
            p.fillRect(r, bar);
        // Date labels once a week, and the last day.
        const QDate d = m_costs.at(i).first;
        if (i == m_costs.size() - 1 || (today.daysTo(d) % 7 == 0 && i < m_costs.size() - 3)) {
            p.setPen(dim);
            const QString label = QLocale().toString(d, u"d MMM"_s);
            const int w = fm.horizontalAdvance(label);
            const int x = std::clamp(int(r.center().x()) - w / 2, 0, width() - w);
            p.drawText(QRect(x, plot.bottom() + 4, w, fm.height()), Qt::AlignCenter, label);
        }
    }
}

bool CostChartWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int i = barAt(help->pos());
        if (i >= 0)
            QToolTip::showText(help->globalPos(), u"%1: %2"_s.arg(QLocale().toString(m_costs.at(i).first, QLocale::ShortFormat),
                                                                  CostFormat::usd(m_costs.at(i).second)), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}
