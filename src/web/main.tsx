import './styles/app.scss';
