// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QList>
#include <QPair>
#include <QWidget>

// Cost per day as bars (the last 30 days in the run costs dialog), drawn with QPainter in palette colours.
class CostChartWidget final : public QWidget
{
    Q_OBJECT

public:
    explicit CostChartWidget(QWidget *parent = nullptr);

    void setCosts(const QList<QPair<QDate, double>> &costs);
    const QList<QPair<QDate, double>> &costs() const { return m_costs; }
    int barAt(const QPoint &pos) const; // -1: none

    QSize sizeHint() const override { return {600, 160}; }
    QSize minimumSizeHint() const override { return {240, 110}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect plotRect() const;

    QList<QPair<QDate, double>> m_costs;
};
