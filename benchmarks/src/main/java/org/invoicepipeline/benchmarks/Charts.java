package org.invoicepipeline.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** PNG plots of the report (JFreeChart). */
final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 450;

    private Charts() {
    }

    /** A line over time with horizontal reference lines (e.g. the ceiling and the 0.97 target). */
    static void line(Path png, String title, String xLabel, String yLabel, String seriesName, List<double[]> points,
                     double... markers) throws IOException {
        XYSeries series = new XYSeries(seriesName);
        points.forEach(p -> series.add(p[0], p[1]));
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, new XYSeriesCollection(series),
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (double marker : markers) {
            ValueMarker line = new ValueMarker(marker, Color.RED, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
            plot.addRangeMarker(line);
        }
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }

    /** A histogram of values in buckets of {@code bucketWidth}. */
    static void histogram(Path png, String title, String xLabel, List<Double> values, double bucketWidth)
            throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        int buckets = (int) Math.ceil((max + 1e-9) / bucketWidth);
        for (int b = 0; b < Math.max(1, buckets); b++) {
            double from = b * bucketWidth;
            double to = from + bucketWidth;
            long count = values.stream().filter(v -> v >= from && v < to).count();
            data.addValue(count, "extractions", String.format("%.2f–%.2f", from, to));
        }
        JFreeChart chart = ChartFactory.createBarChart(title, xLabel, "extractions", data, PlotOrientation.VERTICAL,
                false, false, false);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }

    /** Bars of named values (e.g. time of the pipeline and of the sequential client). */
    static void bars(Path png, String title, String yLabel, List<String> names, List<Double> values) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < names.size(); i++) {
            data.addValue(values.get(i), yLabel, names.get(i));
        }
        JFreeChart chart = ChartFactory.createBarChart(title, "", yLabel, data, PlotOrientation.VERTICAL, false, false,
                false);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }
}
